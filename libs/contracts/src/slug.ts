/**
 * The slug of a room: the name lower-cased, every run of other characters turned into one `-`,
 * with no `-` at either end ("Night Owls 2" → "night-owls-2").
 */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
