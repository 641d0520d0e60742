import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WhosHere } from './whos-here';

const ann = { id: 'a0000000-0000-4000-8000-000000000000', displayName: 'Ann', username: 'ann' };
const bob = { id: 'b0000000-0000-4000-8000-000000000000', displayName: 'Bob', username: 'bob' };

describe('WhosHere', () => {
  it('lists everyone when the server listed everyone', () => {
    render(<WhosHere present={{ users: [bob, ann], count: 2 }} />);
    expect(screen.getByRole('heading')).toHaveTextContent('Who’s here (2)');
    const names = screen
      .getAllByRole('listitem')
      .map((li) => li.querySelector(':scope > span:not([aria-hidden])')?.textContent);
    expect(names).toEqual(['Ann', 'Bob']);
    expect(screen.queryByText(/more$/)).toBeNull();
  });

  it('counts the people a crowded conversation does not list', () => {
    render(<WhosHere present={{ users: [ann, bob], count: 250 }} />);
    expect(screen.getByRole('heading')).toHaveTextContent('Who’s here (250)');
    expect(screen.getByText('and 248 more')).toBeInTheDocument();
  });
});
