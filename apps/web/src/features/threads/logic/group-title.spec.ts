import type { PublicUser } from '@chat/contracts';
import { describe, expect, it } from 'vitest';
import { groupTitle, pickProblem } from './group-title';

const person = (n: number, name: string): PublicUser => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  username: name.toLowerCase(),
  displayName: name,
  bio: '',
  avatarColor: '#336699',
  location: '',
  online: false,
  lastSeenAt: null,
  isDemo: false,
});
const [me, ann, bob, cat, dan, eve] = ['Me', 'Ann', 'Bob', 'Cat', 'Dan', 'Eve'].map((n, i) =>
  person(i + 1, n),
) as [PublicUser, PublicUser, PublicUser, PublicUser, PublicUser, PublicUser];

describe('groupTitle', () => {
  it('is the name when there is one', () => {
    expect(groupTitle({ name: 'Trip', members: [me, ann, bob] }, me.id)).toBe('Trip');
  });

  it("lists the others' names without me, then how many more", () => {
    expect(groupTitle({ name: '', members: [me, ann, bob] }, me.id)).toBe('Ann and Bob');
    expect(groupTitle({ members: [ann, me, bob, cat] }, me.id)).toBe('Ann, Bob and Cat');
    expect(groupTitle({ name: ' ', members: [me, ann, bob, cat, dan, eve] }, me.id)).toBe(
      'Ann, Bob, Cat and 2 more',
    );
  });
});

describe('pickProblem', () => {
  it('asks for at least two others and at most 49', () => {
    expect(pickProblem([ann])).toBe('Pick at least 2 people (1 more)');
    expect(pickProblem([ann, bob])).toBeNull();
    const many = Array.from({ length: 50 }, (_, i) => person(100 + i, `P${i}`));
    expect(pickProblem(many)).toBe('A group holds 50 people at most, you included');
    expect(pickProblem(many.slice(1))).toBeNull();
  });
});
