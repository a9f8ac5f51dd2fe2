/**
 * Character classes of Java regexes as the contents of a `u`-mode JavaScript character class:
 * Java's ASCII `\s`, and the POSIX / java.lang.Character classes `\p{Alpha}`, `\p{javaLowerCase}`, ….
 */
export const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';

/** POSIX and java.lang.Character classes, as the contents of a JS character class. */
export const NAMED_CLASSES: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE,
  javaLowerCase: '\\p{Ll}',
  javaUpperCase: '\\p{Lu}',
  javaWhitespace: '\\t\\n\\x0B\\f\\r\\x1C-\\x1F\\p{Zs}\\p{Zl}\\p{Zp}',
  javaDigit: '\\p{Nd}',
  javaLetter: '\\p{L}',
  javaLetterOrDigit: '\\p{L}\\p{Nd}',
  javaAlphabetic: '\\p{Alphabetic}',
  IsAlphabetic: '\\p{Alphabetic}',
  IsLetter: '\\p{L}',
  IsDigit: '\\p{Nd}',
  IsWhite_Space: '\\p{White_Space}',
  IsWhiteSpace: '\\p{White_Space}',
  IsLowercase: '\\p{Lowercase}',
  IsUppercase: '\\p{Uppercase}',
  IsPunctuation: '\\p{P}',
  IsControl: '\\p{Cc}',
  IsHex_Digit: '\\p{Hex_Digit}',
  IsIdeographic: '\\p{Ideographic}',
};
