/** Demo users the bot seeds; past this list it invents `demo_<n>` names. */
export const DEMO_PERSONAS: ReadonlyArray<{ username: string; displayName: string }> = [
  { username: 'ada.l', displayName: 'Ada Lindqvist' },
  { username: 'bruno_m', displayName: 'Bruno Moreau' },
  { username: 'chiamaka', displayName: 'Chiamaka Obi' },
  { username: 'dmitri.k', displayName: 'Dmitri Kuznetsov' },
  { username: 'esme_r', displayName: 'Esme Ramírez' },
  { username: 'farid.h', displayName: 'Farid Haddad' },
  { username: 'grace_t', displayName: 'Grace Tanaka' },
  { username: 'hugo.b', displayName: 'Hugo Bernard' },
  { username: 'ines_c', displayName: 'Inês Costa' },
  { username: 'jonas.w', displayName: 'Jonas Weber' },
  { username: 'kavya_p', displayName: 'Kavya Patel' },
  { username: 'liam.o', displayName: "Liam O'Brien" },
  { username: 'mei_l', displayName: 'Mei Lin' },
  { username: 'nadia.s', displayName: 'Nadia Saleh' },
  { username: 'oskar_n', displayName: 'Oskar Nilsson' },
  { username: 'priya.r', displayName: 'Priya Raman' },
];

export function demoPersona(index: number): { username: string; displayName: string } {
  return (
    DEMO_PERSONAS[index] ?? { username: `demo_${index + 1}`, displayName: `Demo ${index + 1}` }
  );
}
