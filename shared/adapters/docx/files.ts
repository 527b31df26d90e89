/**
 * Council documents as `.docx` files in a folder (beside the proposal workbooks), each written
 * atomically: a reader never sees half a document.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentSink } from '../../ports/index.ts';
import type { DocumentModel } from '../../present/documents.ts';
import { replaceFile } from '../fs/atomic.ts';
import { renderDocx } from './render.ts';

export class DocxFiles implements DocumentSink {
  constructor(private readonly dir: string) {}

  async writeDocuments(
    _council: { readonly code: string; readonly folder: string | null },
    documents: readonly DocumentModel[],
  ): Promise<string[]> {
    const paths: string[] = [];
    for (const doc of documents) {
      const path = join(this.dir, `${doc.name}.docx`);
      await replaceFile(path, await renderDocx(doc));
      paths.push(path);
    }
    return paths;
  }

  async exists(locations: readonly string[]): Promise<Set<string>> {
    const present = new Set<string>();
    await Promise.all(
      locations.map(async (path) => {
        if (
          await stat(path).then(
            () => true,
            () => false,
          )
        )
          present.add(path);
      }),
    );
    return present;
  }
}
