/**
 * The look of an avatar (a 40px circle unless `--ma-avatar-size` says otherwise, the initials
 * centred on the brand colour), shared by `ma-avatar` and the built-in avatar of `ma-cell`.
 * No `overflow: hidden`: a clip per avatar costs a list of them dearly at paint; a picture rounds
 * its own corners (`border-radius: inherit`) instead.
 */
export const avatarLook = `
    display: inline-flex;
    align-items: center;
    justify-content: center;
    flex-shrink: 0;
    vertical-align: middle;
    width: var(--ma-avatar-size, 40px);
    height: var(--ma-avatar-size, 40px);
    border-radius: 50%;
    background: var(--ma-color-brand);
    color: var(--ma-color-on-brand);
    font-family: var(--ma-font-family);
    font-weight: var(--ma-font-weight-semibold);
    font-size: calc(var(--ma-avatar-size, 40px) * 0.4);
    line-height: 1;
    user-select: none;`;


// `ma-avatar` has no shadow root (a list renders hundreds of them), so its rules live in a sheet
// adopted by the document or shadow root the avatar is in. They sit in a cascade layer: any
// unlayered rule of the page (`ma-avatar { … }`, a class) overrides them whatever its specificity.
export const avatarCss = `@layer ma-avatar {
  ma-avatar {${avatarLook}
  }
  ma-avatar[size='24'] { --ma-avatar-size: 24px; }
  ma-avatar[size='32'] { --ma-avatar-size: 32px; }
  ma-avatar[size='40'] { --ma-avatar-size: 40px; }
  ma-avatar[size='48'] { --ma-avatar-size: 48px; }
  ma-avatar[size='56'] { --ma-avatar-size: 56px; }
  ma-avatar[size='72'] { --ma-avatar-size: 72px; }
  ma-avatar[size='96'] { --ma-avatar-size: 96px; }
  ma-avatar[shape='square'] {
    border-radius: calc(var(--ma-avatar-size, 40px) * 0.25);
  }
  ma-avatar > img {
    width: 100%;
    height: 100%;
    border-radius: inherit;
    object-fit: cover;
  }
}`;
