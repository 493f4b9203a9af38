import { newOwners, SourceDraft, withGroups, withSource } from './sourceDrafts';

const kinds = (sources: SourceDraft[]) =>
  sources.map(source => (source.kind === 'group' ? source.group : source.kind));

describe('source drafts', () => {
  it('add a source after the last of its kind: groups, owners, then the requester', () => {
    let sources: SourceDraft[] = [];
    sources = withSource(sources, { kind: 'requester' });
    sources = withSource(sources, newOwners());
    sources = withSource(sources, { kind: 'group', group: 'cab' });
    sources = withSource(sources, newOwners());
    sources = withSource(sources, { kind: 'group', group: 'security' });
    expect(kinds(sources)).toEqual([
      'cab',
      'security',
      'impacted-owners',
      'impacted-owners',
      'requester',
    ]);
  });

  it('keep the groups left where they were, and add the new ones after the last group', () => {
    const owners = newOwners();
    const sources: SourceDraft[] = [
      { kind: 'requester' },
      { kind: 'group', group: 'cab' },
      owners,
      { kind: 'group', group: 'security' },
    ];
    const changed = withGroups(sources, ['security', 'platform']);
    expect(kinds(changed)).toEqual([
      'requester',
      owners.kind,
      'security',
      'platform',
    ]);
    expect(changed[1]).toBe(owners);
    expect(kinds(withGroups(sources, ['cab', 'security']))).toEqual(
      kinds(sources),
    );
  });
});
