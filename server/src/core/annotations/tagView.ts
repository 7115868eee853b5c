/** Reading an annotation as a tag: rating, comment, who and when. Tolerant of hand-written files. */
import type { Annotation, TagView } from './model';
import { isRatingId } from './ratings';
import { quoteSelectorOf } from './selectors';

/** The tag an annotation carries (fields a person left out are simply absent). */
export function tagView(annotation: Annotation): TagView {
  const creator = nameOf(annotation.creator) ?? '';
  const created = typeof annotation.created === 'string' ? annotation.created : '';
  const modified = typeof annotation.modified === 'string' ? annotation.modified : created;
  let view: TagView = { id: annotation.id, creator, created, modified, exact: quoteSelectorOf(annotation)?.exact ?? '' };
  for (const body of annotation.body) {
    if (typeof body !== 'object' || body === null || typeof body.value !== 'string') continue;
    const by = nameOf(body.creator) ?? creator;
    const at = typeof body.modified === 'string' ? body.modified : typeof body.created === 'string' ? body.created : modified;
    if (body.purpose === 'assessing' && isRatingId(body.value) && !view.rating) view = { ...view, rating: body.value, ratedBy: by, ratedAt: at };
    else if (body.purpose === 'commenting' && !view.comment) view = { ...view, comment: body.value, commentBy: by, commentAt: at };
    else if (body.purpose === 'tagging' && !view.property) view = { ...view, property: body.value };
  }
  return view;
}

function nameOf(agent: unknown): string | undefined {
  const first = Array.isArray(agent) ? agent[0] : agent;
  if (typeof first === 'string') return first;
  if (typeof first === 'object' && first !== null && typeof (first as { name?: unknown }).name === 'string') return (first as { name: string }).name;
  return undefined;
}
