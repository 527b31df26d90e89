/**
 * A council's round papers written where its documents go: the Tờ trình, the Danh sách and one
 * achievement-report draft per nominee (`present/round-documents.ts` lays them out).
 */
import type { DocumentSink } from '../ports/index.ts';
import { type RoundDocumentsInput, roundDocuments } from '../present/round-documents.ts';

export async function writeRoundDocuments(
  sink: DocumentSink,
  input: RoundDocumentsInput & { readonly folder: string | null },
): Promise<readonly string[]> {
  const models = roundDocuments(input);
  return sink.writeDocuments({ code: input.council.code, folder: input.folder }, models);
}
