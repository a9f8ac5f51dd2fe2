/**
 * SeaTunnel's ConfigShade: encrypts sensitive option values in a job config so the file can be
 * shared, and decrypts them when the config is loaded. `env.shade.identifier` picks the shade.
 */
export interface ConfigShade {
  /** The `env.shade.identifier` value that selects this shade. */
  readonly identifier: string;
  encrypt(plain: string): string;
  /** Throws when `cipherText` was not produced by this shade (with this key). */
  decrypt(cipherText: string): string;
  /** Keys this shade encrypts on top of the default sensitive keys. */
  readonly sensitiveOptions?: readonly string[];
}
