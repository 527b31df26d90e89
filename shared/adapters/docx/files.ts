/**
 * Council documents as `.docx` files in a folder (beside the proposal workbooks), each written
 * atomically: a reader never sees half a document.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentSink } from '../../ports/index.ts';
import type { DocumentModel } from '../../present/documents.ts';
import { Leftovers, replaceFile } from '../fs/atomic.ts';
import { renderDocx } from './render.ts';

export class DocxFiles implements DocumentSink {
  private readonly leftovers = new Leftovers();

  constructor(
    private readonly dir: string,
    /** Renders a document (by default on this thread; a `WorkPool` spreads it over the cores). */
    private readonly render: (doc: DocumentModel) => Promise<Uint8Array> = renderDocx,
  ) {}

  async writeDocuments(
    _council: { readonly code: string; readonly folder: string | null },
    documents: readonly DocumentModel[],
  ): Promise<string[]> {
    // Rendered side by side (on the pool's threads when there is one), each written atomically.
    return Promise.all(
      documents.map(async (doc) => {
        const path = join(this.dir, `${doc.name}.docx`);
        await replaceFile(path, await this.render(doc), this.leftovers);
        return path;
      }),
    );
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
