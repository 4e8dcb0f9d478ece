export { buildMailto, CRLF, MISSING, type EmailDraft } from './draft';
export { draftPreApplicationEmail, DOCUMENTS_WITH_MERSIS, DOCUMENTS_WITHOUT_MERSIS } from './pre-application';
export { draftPackageOfferEmail, type PackageOfferInput } from './package-offer';
export { draftPartnerAssignmentEmail, under5000Applies, CHANNEL_LABELS_TR } from './partner-assignment';
