// The session-protocol form's rules: the draft from the server's settings, and the
// changed values checked against each setting's bounds before sending.
import type { SessionSettings } from '../sessions_api_types';

export function settingsDraft(s: SessionSettings): Record<string, string> {
  return Object.fromEntries(s.fields.map((f) => [f.name, String(f.value)]));
}

export type Changed = { values: Record<string, number> } | { problem: { field: string; message: string } };

export function changedSettings(s: SessionSettings, draft: Record<string, string>): Changed {
  const values: Record<string, number> = {};
  for (const f of s.fields) {
    const text = (draft[f.name] ?? '').trim();
    const n = Number(text);
    if (text === '' || !Number.isInteger(n) || n < f.min || n > f.max) return { problem: { field: f.name, message: `Enter a whole number from ${f.min} to ${f.max}.` } };
    if (n !== f.value) values[f.name] = n;
  }
  return { values };
}
