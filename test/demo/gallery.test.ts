import { expect } from '@open-wc/testing';

interface Manifest {
  modules: Array<{ declarations?: Array<{ tagName?: string }> }>;
}

/** Every element the kit documents, as listed in its Custom Elements Manifest. */
async function documentedTags(): Promise<string[]> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
  return manifest.modules.flatMap((module) => module.declarations ?? []).flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : []));
}

describe('kit gallery', () => {
  before(async () => {
    const main = document.createElement('main');
    main.id = 'gallery';
    document.body.append(main);
    await import('../../demo/kit/gallery.ts');
    await customElements.whenDefined('ma-cell');
  });

  it('shows every element of the kit', async () => {
    const tags = await documentedTags();
    expect(tags.length).to.be.greaterThan(30);
    const gallery = document.getElementById('gallery')!;
    const missing = tags.filter((tag) => !gallery.querySelector(tag));
    expect(missing).to.deep.equal([]);
  });

  it('has a section for every entry of its table of contents', () => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('nav.toc a')];
    expect(links.length).to.be.greaterThan(20);
    for (const link of links) expect(document.getElementById(link.hash.slice(1)), link.hash).to.not.equal(null);
  });
});
