import { AVATAR_COLORS } from '@chat/contracts';

// Screen readers announce a name, not a hex code.
const NAMES: Record<(typeof AVATAR_COLORS)[number], string> = {
  '#e11d48': 'Rose',
  '#db2777': 'Pink',
  '#c026d3': 'Fuchsia',
  '#9333ea': 'Purple',
  '#4f46e5': 'Indigo',
  '#2563eb': 'Blue',
  '#0284c7': 'Sky',
  '#0891b2': 'Cyan',
  '#0d9488': 'Teal',
  '#059669': 'Emerald',
  '#16a34a': 'Green',
  '#65a30d': 'Lime',
  '#ca8a04': 'Yellow',
  '#d97706': 'Amber',
  '#ea580c': 'Orange',
  '#dc2626': 'Red',
};

export const AVATAR_COLOR_OPTIONS = AVATAR_COLORS.map((value) => ({ value, name: NAMES[value] }));
