// Worker threads start here: TypeScript is registered for this thread (tsx), then the work is loaded.
import { register } from 'tsx/esm/api';

register();
const work = await import('./work.ts');
export const { parse, render, docx } = work;
