/** Option names whose values are secrets (the server masks them; the dashboard masks them again). */
const SECRET_KEY = /(password|passwd|pwd|secret|token|credential|private[._-]?key|access[._-]?key|api[._-]?key)/i;

/**
 * Masks the values of secret-looking keys in HOCON or JSON text, line by line: `password = "x"`,
 * `"password": "x"` and `password: x` become `******`; `${VAR}` references stay. Defence in depth for
 * display only.
 */
export function maskSecrets(text: string): string {
  return text.replace(/^(\s*"?)([\w.-]+)("?\s*(?:=|:)\s*)("(?:[^"\\]|\\.)*"|\$\{[^}]*\}|[^\s,#}\]]+)(.*)$/gm, (all, lead: string, key: string, sep: string, value: string, rest: string) => {
    // A `${variable}` reference names where the secret comes from; it is not the secret.
    if (!SECRET_KEY.test(key) || value === '{' || value === '[' || value.startsWith('${')) return all;
    return `${lead}${key}${sep}${value.startsWith('"') ? '"******"' : '******'}${rest}`;
  });
}
