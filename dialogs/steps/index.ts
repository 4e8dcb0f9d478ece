import type { Dialog } from 'botbuilder-dialogs';
import type { DialogDeps } from '../ports';
import { ApplicationStatusDialog } from './application-status-dialog';
import { CodesDialog } from './codes-dialog';
import { PackageDialog } from './package-dialog';
import { PanelDialog } from './panel-dialog';
import { PartnerAssignmentDialog } from './partner-assignment-dialog';
import { PreApplicationDialog } from './pre-application-dialog';

/** The six step dialogs, one per İYS step; the main dialog runs whichever the case is at. */
export function createStepDialogs(deps: DialogDeps): Dialog[] {
  return [
    new PreApplicationDialog(deps),
    new ApplicationStatusDialog(deps),
    new CodesDialog(deps),
    new PackageDialog(deps),
    new PartnerAssignmentDialog(deps),
    new PanelDialog(deps),
  ];
}
