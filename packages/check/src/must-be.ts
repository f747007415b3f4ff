/**
 * The error of the one format, `<owner>: <name> must be <rule>, got <got>`, for the caller to
 * throw: every check builds its message here, so it reads the same wherever it comes from.
 *
 * @param owner - the function or class being called, first in the message
 * @param name - the option or argument as the user wrote it, e.g. `'lr'`, `'betas[0]'`
 * @param rule - what is allowed, in words, e.g. `'in [0, 1)'`
 * @param got - the rejected value as the message writes it (see {@link show}); a number as itself
 * @param Type - the error's class: `TypeError` (the default) for a wrong type, `RangeError` out of range
 * @example
 * throw mustBe('Adam', 'betas[0]', 'in [0, 1)', show(1.2), RangeError);
 * // RangeError: Adam: betas[0] must be in [0, 1), got 1.2
 */
export const mustBe = (
  owner: string,
  name: string,
  rule: string,
  got: string | number,
  Type: new (message: string) => Error = TypeError,
): Error => new Type(`${owner}: ${name} must be ${rule}, got ${got}`);
