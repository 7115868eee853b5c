/**
 * Making and changing annotations. Pure: ids, times and names come from the caller. Every
 * change returns a new annotation that keeps the properties it does not concern.
 */
import type { Span } from '../model';
import type { Agent, Annotation, BodyPurpose, TextualBody } from './model';
import type { RatingId } from './ratings';
import { selectorsFor } from './selectors';

/** Who is making a change, and when (an xsd:dateTime, such as `2024-04-19T10:15:00Z`). */
export interface Change {
  readonly annotator: string;
  readonly now: string;
}

/** What a new annotation targets. */
export interface NewTarget {
  /** The article's workspace-relative path (or `file:` URI). */
  readonly source: string;
  /** The article's current text and the claim's span in it (UTF-16). */
  readonly text: string;
  readonly span: Span;
  /** The kind of claim (`appearances`…), recorded as a `tagging` body. */
  readonly property?: string;
}

/** A new annotation on `target` with id `id`, rated and/or commented. */
export function createAnnotation(id: string, target: NewTarget, change: Change, content: { rating?: RatingId; comment?: string }): Annotation {
  const person = agent(change.annotator);
  const body: TextualBody[] = [];
  if (content.rating) body.push(textualBody('assessing', content.rating, change));
  if (content.comment) body.push(textualBody('commenting', content.comment, change));
  if (target.property) body.push({ type: 'TextualBody', purpose: 'tagging', value: target.property });
  return {
    id,
    type: 'Annotation',
    motivation: content.rating ? 'assessing' : 'commenting',
    created: change.now,
    modified: change.now,
    creator: person,
    body,
    target: { source: target.source, selector: selectorsFor(target.text, target.span) },
  };
}

/**
 * The annotation with its rating set (or removed, with `undefined`). Returns undefined when
 * nothing would be left: no rating and no comment.
 */
export function withRating(annotation: Annotation, rating: RatingId | undefined, change: Change): Annotation | undefined {
  return withBody(annotation, 'assessing', rating, change);
}

/** The annotation with its comment set (or removed, with `undefined` or blank text). */
export function withComment(annotation: Annotation, comment: string | undefined, change: Change): Annotation | undefined {
  const text = comment?.trim();
  return withBody(annotation, 'commenting', text === '' ? undefined : text, change);
}

/**
 * The annotation re-targeted at `span` of `text`: its quote and position selectors replaced
 * (other selectors kept). Used when edits made in the editor are saved.
 */
export function retarget(annotation: Annotation, text: string, span: Span): Annotation {
  const [quote, position] = selectorsFor(text, span);
  const selector = annotation.target.selector.map((s) => (s.type === 'TextQuoteSelector' ? { ...s, ...quote } : s.type === 'TextPositionSelector' ? { ...s, ...position } : s));
  if (!selector.some((s) => s.type === 'TextQuoteSelector')) selector.push(quote);
  if (!selector.some((s) => s.type === 'TextPositionSelector')) selector.push(position);
  return { ...annotation, target: { ...annotation.target, selector } };
}

/** True when the annotation's selectors already describe `span` of `text`. */
export function targets(annotation: Annotation, text: string, span: Span): boolean {
  const [quote, position] = selectorsFor(text, span);
  const q = annotation.target.selector.find((s) => s.type === 'TextQuoteSelector');
  const p = annotation.target.selector.find((s) => s.type === 'TextPositionSelector');
  return q?.exact === quote.exact && q?.prefix === quote.prefix && q?.suffix === quote.suffix && p?.start === position.start && p?.end === position.end;
}

function withBody(annotation: Annotation, purpose: BodyPurpose, value: string | undefined, change: Change): Annotation | undefined {
  const bodies = annotation.body;
  const index = bodies.findIndex((b) => b.type === 'TextualBody' && b.purpose === purpose);
  const existing = index >= 0 ? (bodies[index] as TextualBody) : undefined;
  if (existing?.value === value) return annotation;
  let body: Annotation['body'];
  if (value === undefined) body = bodies.filter((_, i) => i !== index);
  else if (existing) body = bodies.map((b, i) => (i === index ? { ...existing, value, creator: agent(change.annotator), modified: change.now } : b));
  else body = purpose === 'assessing' ? [textualBody(purpose, value, change), ...bodies] : [...bodies, textualBody(purpose, value, change)];
  const rated = body.some((b) => b.type === 'TextualBody' && b.purpose === 'assessing');
  const commented = body.some((b) => b.type === 'TextualBody' && b.purpose === 'commenting');
  if (!rated && !commented) return undefined;
  return { ...annotation, motivation: rated ? 'assessing' : 'commenting', modified: change.now, body };
}

function textualBody(purpose: BodyPurpose, value: string, change: Change): TextualBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain', creator: agent(change.annotator), created: change.now, modified: change.now };
}

function agent(name: string): Agent {
  return { type: 'Person', name };
}
