/**
 * Typed requests for the tag messages of `protocol/messages.ts` (the server's side; the client
 * uses the plain names and shapes from there).
 */
import { RequestType, RequestType0 } from 'vscode-languageserver';
import { CLAIMS_REQUEST, EXPORT_CLAIMREVIEW_REQUEST, type ClaimsParams, type ClaimsResult, type ExportResult } from '../../protocol/messages';

export * from '../../protocol/messages';

/** The Claims view's request, typed. */
export const claimsRequest = new RequestType<ClaimsParams, ClaimsResult, void>(CLAIMS_REQUEST);
/** The export request, typed. */
export const exportClaimReviewRequest = new RequestType0<ExportResult, void>(EXPORT_CLAIMREVIEW_REQUEST);
