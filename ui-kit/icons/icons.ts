/**
 * The kit's icon set: one export per icon, so a bundler keeps only the icons a mini-app imports.
 * Each icon is SVG path data on a 24×24 grid, drawn as a 2px round stroke in `currentColor`.
 * Render one with `<ma-icon .icon=${iconChevronRight} label="Next"></ma-icon>` or `renderIcon()`.
 */

/** SVG path data on a 24×24 grid, stroked (not filled). */
export type IconData = string;

export const iconArrowLeft: IconData =
  'M19 12H5M11 6l-6 6 6 6';
export const iconArrowRight: IconData =
  'M5 12h14M13 6l6 6-6 6';
export const iconAttach: IconData =
  'M20 11.5l-7.8 7.8a5 5 0 0 1-7-7L13 4.5a3.3 3.3 0 0 1 4.7 4.7L10 17a1.7 1.7 0 0 1-2.4-2.4l7.1-7.1';
export const iconBell: IconData =
  'M6 16v-5a6 6 0 0 1 12 0v5l1.5 2h-15zM10 20.5a2 2 0 0 0 4 0';
export const iconBookmark: IconData =
  'M6 3h12v18l-6-4.5L6 21z';
export const iconBuilding: IconData =
  'M5 21V4h10v17M15 9h4v12M3 21h18M8 8h4M8 12h4M8 16h4';
export const iconCalendar: IconData =
  'M4 6h16v14H4zM4 10h16M8 3v4M16 3v4';
export const iconCamera: IconData =
  'M4 8h3.5L9 5.5h6L16.5 8H20v11H4zM9 13.5a3 3 0 1 0 6 0a3 3 0 1 0 -6 0z';
export const iconCard: IconData =
  'M3 6h18v12H3zM3 10h18M7 15h4';
export const iconCart: IconData =
  'M3 4h2.5l2.2 11h10.8L21 7.5H6.5M7.8 19.5a1.2 1.2 0 1 0 2.4 0a1.2 1.2 0 1 0 -2.4 0zM15.8 19.5a1.2 1.2 0 1 0 2.4 0a1.2 1.2 0 1 0 -2.4 0z';
export const iconChat: IconData =
  'M4 5h16v11H9l-5 4z';
export const iconCheck: IconData =
  'M5 12.5l4.5 4.5L19 7';
export const iconCheckCircle: IconData =
  'M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0zM8 12.5l2.7 2.7L16 10';
export const iconChevronDown: IconData =
  'M6 9l6 6 6-6';
export const iconChevronLeft: IconData =
  'M15 6l-6 6 6 6';
export const iconChevronRight: IconData =
  'M9 6l6 6-6 6';
export const iconChevronUp: IconData =
  'M6 15l6-6 6 6';
export const iconClock: IconData =
  'M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0zM12 7v5l3 2';
export const iconClose: IconData =
  'M6 6l12 12M18 6L6 18';
export const iconCopy: IconData =
  'M8 8h12v12H8zM16 8V4H4v12h4';
export const iconDocument: IconData =
  'M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6';
export const iconDownload: IconData =
  'M12 4v11M7 10l5 5 5-5M5 20h14';
export const iconEdit: IconData =
  'M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4';
export const iconError: IconData =
  'M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0zM9 9l6 6M15 9l-6 6';
export const iconEye: IconData =
  'M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12zM9 12a3 3 0 1 0 6 0a3 3 0 1 0 -6 0z';
export const iconEyeOff: IconData =
  'M3 3l18 18M10.6 6a9.9 9.9 0 0 1 1.4-.5c6 0 9.5 6.5 9.5 6.5a17 17 0 0 1-2.6 3.4M6.6 6.6C3.9 8.4 2.5 12 2.5 12S6 18.5 12 18.5c1.9 0 3.6-.6 5-1.5M9.9 9.9a3 3 0 0 0 4.2 4.2';
export const iconFilter: IconData =
  'M4 5h16l-6 7.5V19l-4 2v-8.5z';
export const iconGift: IconData =
  'M4 10h16v10H4zM3 7h18v3H3zM12 7v13M12 7C11 4 7 3 7 5.5S12 7 12 7zM12 7c1-3 5-4 5-1.5S12 7 12 7z';
export const iconGlobe: IconData =
  'M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0zM3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3z';
export const iconGrid: IconData =
  'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z';
export const iconHeart: IconData =
  'M12 20s-7.5-4.6-7.5-10A4.3 4.3 0 0 1 12 7.3 4.3 4.3 0 0 1 19.5 10c0 5.4-7.5 10-7.5 10z';
export const iconHome: IconData =
  'M3.5 11L12 4l8.5 7M6 9.5V20h4v-6h4v6h4V9.5';
export const iconImage: IconData =
  'M4 5h16v14H4zM4 16l5-5 4 4 2.5-2.5L20 17M13.5 9a1.5 1.5 0 1 0 3 0a1.5 1.5 0 1 0 -3 0z';
export const iconInfo: IconData =
  'M3 12a9 9 0 1 0 18 0a9 9 0 1 0 -18 0zM12 11v6M12 7.5v.5';
export const iconLocation: IconData =
  'M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21zM9.5 9.5a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0z';
export const iconLock: IconData =
  'M6 11h12v10H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3';
export const iconLogout: IconData =
  'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10';
export const iconMail: IconData =
  'M3 6h18v12H3zM3 7l9 6 9-6';
export const iconMenu: IconData =
  'M4 6h16M4 12h16M4 18h16';
export const iconMinus: IconData =
  'M5 12h14';
export const iconMoon: IconData =
  'M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z';
export const iconMore: IconData =
  'M4 12a1 1 0 1 0 2 0a1 1 0 1 0 -2 0zM11 12a1 1 0 1 0 2 0a1 1 0 1 0 -2 0zM18 12a1 1 0 1 0 2 0a1 1 0 1 0 -2 0z';
export const iconMoreVertical: IconData =
  'M11 5a1 1 0 1 0 2 0a1 1 0 1 0 -2 0zM11 12a1 1 0 1 0 2 0a1 1 0 1 0 -2 0zM11 19a1 1 0 1 0 2 0a1 1 0 1 0 -2 0z';
export const iconPhone: IconData =
  'M5 4h3.5l1.5 4-2 1.5a11 11 0 0 0 6.5 6.5l1.5-2 4 1.5V19a1.5 1.5 0 0 1-1.5 1.5A16.5 16.5 0 0 1 3.5 5.5 1.5 1.5 0 0 1 5 4z';
export const iconPlus: IconData =
  'M12 5v14M5 12h14';
export const iconQr: IconData =
  'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 20h2M20 14v2';
export const iconReceipt: IconData =
  'M6 3h12v18l-2-1.5-2 1.5-2-1.5-2 1.5-2-1.5L6 21zM9 8h6M9 12h6M9 16h3';
export const iconRefresh: IconData =
  'M20 11a8 8 0 1 0-2.3 5.7M20 4v7h-7';
export const iconSearch: IconData =
  'M4 11a7 7 0 1 0 14 0a7 7 0 1 0 -14 0zM16 16l4.5 4.5';
export const iconSend: IconData =
  'M20 4L3 11l7 3 3 7zM10 14l10-10';
export const iconSettings: IconData =
  'M4 7h9M17 7h3M4 17h3M11 17h9M13 7a2 2 0 1 0 4 0a2 2 0 1 0 -4 0zM7 17a2 2 0 1 0 4 0a2 2 0 1 0 -4 0z';
export const iconShare: IconData =
  'M12 15V4M8 8l4-4 4 4M7 11H5v9h14v-9h-2';
export const iconStar: IconData =
  'M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z';
export const iconStore: IconData =
  'M4 9l1.5-5h13L20 9zM4 9a2.7 2.7 0 0 0 5.3 0 2.7 2.7 0 0 0 5.4 0A2.7 2.7 0 0 0 20 9M5.5 12v8h13v-8';
export const iconSun: IconData =
  'M8 12a4 4 0 1 0 8 0a4 4 0 1 0 -8 0zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4';
export const iconTicket: IconData =
  'M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4zM14 7v10';
export const iconTrash: IconData =
  'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v5M14 11v5';
export const iconUpload: IconData =
  'M12 16V5M7 10l5-5 5 5M5 20h14';
export const iconUser: IconData =
  'M8 8a4 4 0 1 0 8 0a4 4 0 1 0 -8 0zM4.5 20c1.2-3.5 4-5 7.5-5s6.3 1.5 7.5 5';
export const iconUsers: IconData =
  'M5.5 8.5a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0 -7 0zM2.5 20c.8-3.2 3.2-5 6.5-5s5.7 1.8 6.5 5M16 5.2a3.5 3.5 0 0 1 0 6.6M18 15.3c1.8.6 3 2.2 3.5 4.7';
export const iconWallet: IconData =
  'M4 7h15v12H4zM4 7l11-3v3M15 12h4v3h-4z';
export const iconWarning: IconData =
  'M12 4L2.5 20h19zM12 10v4.5M12 17.5v.5';
