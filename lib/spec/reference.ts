import { platformJsonSchema } from './json-schema';

type Node = Record<string, unknown>;

/**
 * The field reference of modelplane.yaml, as Markdown, generated from the JSON Schema (itself generated
 * from the zod schema): every field with its type, default and description. docs/spec-reference.md is this
 * output; a test keeps it current.
 */
export function specReferenceMarkdown(): string {
  const root = platformJsonSchema() as Node;
  const lines = ['# modelplane.yaml field reference', '', 'Generated from the schema (`npm run docs`); do not edit by hand.', '', '| field | type | default | description |', '|---|---|---|---|'];
  walk(root, '', lines, root);
  return `${lines.join('\n')}\n`;
}

function walk(node: Node, path: string, lines: string[], root: Node, depth = 0): void {
  if (depth > 12) return;
  const resolved = deref(node, root);
  const props = resolved.properties as Record<string, Node> | undefined;
  if (path !== '') lines.push(`| \`${path}\` | ${typeOf(resolved, root)} | ${defaultOf(resolved)} | ${describe(resolved)} |`);
  if (props) {
    for (const [key, child] of Object.entries(props)) walk(child, path === '' ? key : `${path}.${key}`, lines, root, depth + 1);
  }
  const items = resolved.items as Node | undefined;
  if (items && (deref(items, root).properties || deref(items, root).anyOf || deref(items, root).oneOf)) walk(items, `${path}[]`, lines, root, depth + 1);
  for (const variant of ((resolved.oneOf ?? resolved.anyOf) as Node[] | undefined) ?? []) {
    const v = deref(variant, root);
    const props2 = v.properties as Record<string, Node> | undefined;
    if (!props2) continue;
    const tag = Object.entries(props2).find(([, s]) => 'const' in deref(s, root));
    const label = tag ? `${tag[0]}=${String(deref(tag[1], root).const)}` : 'object';
    for (const [key, child] of Object.entries(props2)) {
      if (tag && key === tag[0]) continue;
      walk(child, `${path}{${label}}.${key}`, lines, root, depth + 1);
    }
  }
}

function deref(node: Node, root: Node): Node {
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) return ((root.$defs as Record<string, Node>)[ref.slice(8)] ?? node) as Node;
  return node;
}

function typeOf(node: Node, root: Node): string {
  if ('const' in node) return `\`${JSON.stringify(node.const)}\``;
  if (Array.isArray(node.enum)) return node.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  const variants = (node.oneOf ?? node.anyOf) as Node[] | undefined;
  if (variants) return variants.map((v) => typeOf(deref(v, root), root)).join(' \\| ');
  if (node.type === 'array') return `list of ${node.items ? typeOf(deref(node.items as Node, root), root) : 'any'}`;
  return typeof node.type === 'string' ? node.type : 'any';
}

function defaultOf(node: Node): string {
  if (node.default !== undefined) return `\`${JSON.stringify(node.default)}\``;
  const d = typeof node.description === 'string' ? /@default (.+)$/.exec(node.description) : null;
  return d ? (d[1] as string).replace(/\|/g, '\\|') : '';
}

function describe(node: Node): string {
  const text = typeof node.description === 'string' ? node.description.replace(/\s*@default .+$/, '') : '';
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
