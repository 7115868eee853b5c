/**
 * Edits made in the editor, as they arrive: `TextDocuments` is given this configuration so
 * each `didChange` event's content changes are seen, in order and with the text before them,
 * before the document is updated. Only articles with annotations pay for it.
 */
import { TextDocumentContentChangeEvent, type TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../../core/annotations/anchorSet';
import { LineIndex } from '../../core/positions';
import { toSpan } from '../convert';

/** What a tracker is told: the text before, each edit (or a whole new text), and the text after. */
export type EditListener = (uri: string, before: string, edits: readonly (TextEdit | { readonly text: string })[], after: string) => void;

export function trackingDocuments(tracks: (uri: string) => boolean, listener: EditListener): TextDocumentsConfiguration<TextDocument> {
  return {
    create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
    update: (document, changes, version) => {
      if (!tracks(document.uri)) return TextDocument.update(document, changes, version);
      const before = document.getText();
      const updated = TextDocument.update(document, changes, version);
      // Tracking must never break document sync; without it, anchors are found again when next read.
      try {
        listener(document.uri, before, editsOf(before, changes), updated.getText());
      } catch {
        // Deliberately ignored, as said above.
      }
      return updated;
    },
  };
}

/** The content changes of one `didChange` as edits, each in offsets of the text before it. */
function editsOf(before: string, changes: readonly TextDocumentContentChangeEvent[]): (TextEdit | { text: string })[] {
  const edits: (TextEdit | { text: string })[] = [];
  let text = before;
  for (const change of changes) {
    if (TextDocumentContentChangeEvent.isIncremental(change)) {
      const span = toSpan(new LineIndex(text), change.range);
      const start = Math.min(span.start, span.end);
      const end = Math.max(span.start, span.end);
      edits.push({ start, end, newText: change.text });
      text = text.slice(0, start) + change.text + text.slice(end);
    } else {
      edits.push({ text: change.text });
      text = change.text;
    }
  }
  return edits;
}
