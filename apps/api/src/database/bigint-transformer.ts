import type { ValueTransformer } from 'typeorm';

/** pg returns bigint as a string; seq values stay far below 2^53, so numbers are safe. */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | undefined) => value,
  from: (value: string | null) => (value === null ? value : Number(value)),
};
