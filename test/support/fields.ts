/** Google's partial-response field masks: `a,b(c,d),e/f`, applied to a JSON response. */

type Mask = Map<string, Mask | true>;

function parse(text: string): Mask {
  const mask: Mask = new Map();
  let i = 0;
  const parseList = (into: Mask, closing: string | null) => {
    let name = '';
    const flush = (sub?: Mask) => {
      const path = name.trim().split(/[./]/).filter(Boolean);
      name = '';
      if (path.length === 0) return;
      let node = into;
      path.forEach((part, index) => {
        const last = index === path.length - 1;
        const existing = node.get(part);
        if (last) node.set(part, sub ?? true);
        else {
          const next = existing instanceof Map ? existing : new Map();
          node.set(part, next);
          node = next;
        }
      });
    };
    while (i < text.length) {
      const ch = text[i++];
      if (ch === ',') flush();
      else if (ch === '(') {
        const sub: Mask = new Map();
        parseList(sub, ')');
        flush(sub);
      } else if (ch === ')' && closing === ')') {
        flush();
        return;
      } else name += ch;
    }
    flush();
  };
  parseList(mask, null);
  return mask;
}

function apply(value: unknown, mask: Mask): unknown {
  if (Array.isArray(value)) return value.map((item) => apply(item, mask));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of mask) {
    if (key === '*') return value;
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    out[key] = sub === true ? v : apply(v, sub);
  }
  return out;
}

export function applyFieldMask(value: unknown, fields: string | null | undefined): unknown {
  if (!fields) return value;
  return apply(value, parse(fields));
}
