import { NOTIFICATION_KIND_NAMES } from '@linli/shared';

/** What a template key may carry: the parts of a notice the delivery worker knows. */
export const TEMPLATE_FIELD_SOURCES = ['title', 'status', 'time', 'note', 'place', 'handler'] as const;
export type TemplateFieldSource = (typeof TEMPLATE_FIELD_SOURCES)[number];

export interface SubscribeTemplate {
  id: string;
  /** Template key (`thing1`, `phrase2`, `time3`…) → what it carries. */
  fields: Record<string, TemplateFieldSource>;
}

/** Notification kind (or `*` for every kind not listed) → template. */
export type SubscribeTemplates = Record<string, SubscribeTemplate>;

/**
 * WeChat's value rules per key type (subscribe-message docs): the longest value, in characters,
 * that WeChat accepts. `time` and `date` carry a formatted time instead.
 */
const KEY_TYPES = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  name: 10,
  time: 0,
  date: 0,
} as const;
type KeyType = keyof typeof KEY_TYPES;

const KEY = /^(thing|phrase|character_string|name|time|date)(\d+)$/;

function keyType(key: string): KeyType | null {
  const m = KEY.exec(key);
  return m ? (m[1] as KeyType) : null;
}

/**
 * Reads WECHAT_TEMPLATES. A mapping WeChat would refuse at every send (an unknown key type, a time key
 * carrying text, an unknown kind) stops the server at start instead of filling the outbox with 47003.
 */
export function parseSubscribeTemplates(json: string | undefined): SubscribeTemplates {
  if (json === undefined || json.trim() === '') return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('WECHAT_TEMPLATES: not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('WECHAT_TEMPLATES: expected an object from notification kind to {id, fields}');
  const out: SubscribeTemplates = {};
  for (const [kind, value] of Object.entries(raw as Record<string, unknown>)) {
    if (kind !== '*' && !(NOTIFICATION_KIND_NAMES as string[]).includes(kind)) {
      throw new Error(`WECHAT_TEMPLATES: "${kind}" is no notification kind (${NOTIFICATION_KIND_NAMES.join(', ')}, or *)`);
    }
    const t = value as { id?: unknown; fields?: unknown };
    if (typeof t?.id !== 'string' || t.id === '') throw new Error(`WECHAT_TEMPLATES.${kind}: id must be the template id`);
    if (typeof t.fields !== 'object' || t.fields === null || Object.keys(t.fields).length === 0) throw new Error(`WECHAT_TEMPLATES.${kind}: fields must map template keys to ${TEMPLATE_FIELD_SOURCES.join('/')}`);
    const fields: Record<string, TemplateFieldSource> = {};
    for (const [key, source] of Object.entries(t.fields as Record<string, unknown>)) {
      const type = keyType(key);
      if (!type) throw new Error(`WECHAT_TEMPLATES.${kind}.fields: "${key}" is not a key type Linli fills (thing, phrase, character_string, name, time, date followed by its number)`);
      if (!(TEMPLATE_FIELD_SOURCES as readonly unknown[]).includes(source)) throw new Error(`WECHAT_TEMPLATES.${kind}.fields.${key}: "${String(source)}" is none of ${TEMPLATE_FIELD_SOURCES.join(', ')}`);
      if ((type === 'time' || type === 'date') !== (source === 'time')) throw new Error(`WECHAT_TEMPLATES.${kind}.fields.${key}: a ${type} key carries ${type === 'time' || type === 'date' ? 'the time' : 'text, not the time'}`);
      fields[key] = source as TemplateFieldSource;
    }
    out[kind] = { id: t.id, fields };
  }
  return out;
}

/** The template a kind is sent with: its own, else `*`, else none (the row is skipped as no_template). */
export function templateFor(templates: SubscribeTemplates, kind: string): SubscribeTemplate | null {
  return templates[kind] ?? templates['*'] ?? null;
}

/** What a notice says, before it is cut to a template's keys. */
export interface NoticeParts {
  title: string;
  status: string;
  at: Date;
  note: string;
  place: string;
  handler: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** WeChat's `time` value: "2026年11月23日 10:05" on the community's wall clock; `date`: "2026年11月23日". */
function wechatTime(at: Date, offsetMinutes: number, type: 'time' | 'date'): string {
  const w = new Date(at.getTime() + offsetMinutes * 60_000);
  const day = `${w.getUTCFullYear()}年${w.getUTCMonth() + 1}月${w.getUTCDate()}日`;
  return type === 'date' ? day : `${day} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
}

/** Cuts a value to WeChat's limit for its key type; a longer `thing` ends in "…" so readers see it goes on. */
export function cutToKey(key: string, value: string): string {
  const type = keyType(key);
  if (!type) throw new Error(`not a template key: ${key}`);
  const limit = KEY_TYPES[type];
  let text = value.replace(/\s+/g, ' ').trim();
  // character_string takes letters, digits and symbols only.
  if (type === 'character_string') text = text.replace(/[^\x21-\x7e]/g, '');
  const chars = [...text];
  if (chars.length > limit) text = type === 'thing' ? chars.slice(0, limit - 1).join('') + '…' : chars.slice(0, limit).join('');
  // WeChat refuses an empty value (47003).
  return text === '' ? (type === 'character_string' ? '-' : '无') : text;
}

/** The `data` object of subscribeMessage.send for a template. */
export function templateData(template: SubscribeTemplate, parts: NoticeParts, offsetMinutes: number): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [key, source] of Object.entries(template.fields)) {
    const type = keyType(key)!;
    if (type === 'time' || type === 'date') data[key] = { value: wechatTime(parts.at, offsetMinutes, type) };
    // parseSubscribeTemplates lets only time and date keys carry the time.
    else data[key] = { value: cutToKey(key, parts[source as Exclude<TemplateFieldSource, 'time'>]) };
  }
  return data;
}
