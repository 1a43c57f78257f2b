// The kit's elements the shell's screens use, registered once.
import '../../ui-kit/components/action-sheet/action-sheet.ts';
import '../../ui-kit/components/avatar/avatar.ts';
import '../../ui-kit/components/badge/badge.ts';
import '../../ui-kit/components/banner/banner.ts';
import '../../ui-kit/components/bottom-sheet/bottom-sheet.ts';
import '../../ui-kit/components/button/button.ts';
import '../../ui-kit/components/cell/cell.ts';
import '../../ui-kit/components/group/group.ts';
import '../../ui-kit/components/header/header.ts';
import '../../ui-kit/components/icon-button/icon-button.ts';
import '../../ui-kit/components/modal-page/modal-page.ts';
import '../../ui-kit/components/placeholder/placeholder.ts';
import '../../ui-kit/components/segmented-control/segmented-control.ts';
import '../../ui-kit/components/skeleton/skeleton.ts';
import '../../ui-kit/components/snackbar/snackbar.ts';
import '../../ui-kit/components/spinner/spinner.ts';
import '../../ui-kit/components/tab-bar/tab-bar.ts';
