/** Who is calling: a signed-in user, a guest (general only), or nobody (a visitor). */
export type Principal = { kind: 'user'; id: string } | { kind: 'guest'; id: string; name: string };

export type MaybePrincipal = Principal | null;
