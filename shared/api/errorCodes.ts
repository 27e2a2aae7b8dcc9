/**
 * Every stable code a procedure fails with besides the common ones (result.ts `CommonErrors`):
 * code → when it happens. Scripts rely on the codes; the UI shows `errors.<code>` in zh-CN and
 * en-US for each (test/unit/i18n/errorCodes.test.ts reads this map). The backend's `AppError`
 * accepts only these codes, so a new one is added here first.
 */
export const ERROR_CODES = {
  not_found: 'A record the procedure needs does not exist.',

  'enterprise.duplicate_credit_code': 'Another enterprise already has this credit code.',

  'document.not_found': 'No stored document with this id.',
  'document.file_missing': 'The document is listed but its file is missing from the asset store.',

  'order.enterprise_not_found': 'The order names an enterprise that does not exist.',
  'order.not_found': 'No order with this id.',
  'order.not_draft': 'Only a draft can be signed or discarded.',
  'order.not_signed': 'An order must be signed before it is submitted.',
  'order.already_submitted': 'The order was submitted already.',
  'order.already_active': 'An opening order for an enterprise that already has an active plan.',
  'order.no_active_plan': 'A change or cancellation for an enterprise without an active plan.',
  'order.date_before_open': 'The date is before the plan was opened.',
  'order.same_plan': 'A change to the plan the enterprise already has.',
  'order.plan_required': 'No plan was chosen.',
  'order.unknown_plan': 'The plan is not in the catalog.',
  'order.plan_unavailable': 'The plan is no longer on sale.',
  'order.signature_invalid': 'The signature is not a usable PNG image.',
  'order.signature_blank': 'The signature pad was left empty.',

  'quote.unknown_plan': 'The quote names a plan that is not in the catalog.',
  'quote.plan_unavailable': 'The quote names a plan that is no longer on sale.',
  'quote.invalid_date': 'A date of the quote is not a real date.',
  'quote.cancel_before_open': 'The cancellation date is before the opening date.',
  'quote.change_before_open': 'A plan change is dated before the opening date.',
  'quote.months_range': 'The number of months is out of range.',

  'site.not_found': 'No site with this id.',
  'site.exists': 'The enterprise already has a site.',
  'site.stale': 'The site was saved by someone else since the revision the editor shows.',
  'site.invalid': 'The site content does not pass the content model.',
  'site.column_not_found': 'No column with this id in the site.',
  'site.item_not_found': 'No item with this id in the site.',
  'site.item_kind_mismatch': 'The item is not of the kind its column holds.',
  'site.item_has_no_images': 'Pictures were placed on an item that shows none.',
  'site.reorder_mismatch': 'A new order does not list every column exactly once.',
  'site.tray_entry_not_found': 'No entry with this id in the unsorted tray.',
  'site.tray_entry_has_no_image': 'The tray entry has no picture to place.',
  'site.guess_not_found': 'The import guess was undone already (or never made).',
  'site.domain_invalid': 'The own domain is not a valid domain name.',
  'site.label_invalid': 'The assigned site label is not valid.',
  'site.template_unknown': 'No template with this id.',
  'site.style_unknown': 'The template has no colour style with this id.',
  'site.image_missing': 'The picture is not on this machine.',
  'site.page_not_found': 'The build has no page at this path.',
  'site.build_has_errors': 'The build report has errors; export refused without force.',
  'site.import.nothing': 'There is nothing to import.',
  'site.signature_invalid': 'The sign-off signature is not a usable PNG image.',
  'site.signature_blank': 'The sign-off signature pad was left empty.',

  'sync.bad_server': 'The server address is not a URL.',
  'sync.invalid_credentials': 'The user name or password is wrong.',
  'sync.offline': 'The platform cannot be reached and this device has no offline sign-in yet.',
  'sync.rate_limited': 'Too many sign-in attempts.',
  'sync.sign_in_failed': 'The platform refused the sign-in for another reason.',
  'sync.bad_response': 'The platform answered the sign-in with something unexpected.',
  'sync.resolution_not_allowed': 'This conflict cannot be resolved that way.',
  'sync.values_required': 'Editing a conflict needs the values to send.',
  'sync.no_existing_row': 'The platform did not say which record already holds the key.',

  'roster.enterprise_not_found': 'The roster names an enterprise that does not exist.',
  'roster.file_not_found': 'The roster file does not exist or cannot be read.',
  'roster.file_empty': 'The roster file is empty.',
  'roster.file_unreadable': 'The file is not a workbook (.xlsx) or text table (.csv) that can be read.',
  'roster.file_encrypted': 'The workbook is protected with a password.',
  'roster.file_legacy_xls': 'An old Excel .xls file: it must be saved as .xlsx or .csv first.',
  'roster.file_too_large': 'The roster file is larger than a roster can be.',
  'roster.too_many_rows': 'The roster has more rows than one import takes.',
  'roster.sheet_not_found': 'The workbook has no sheet with this name.',
  'roster.no_columns': 'No column of the sheet holds names or mobiles (or the mapping names none).',
  'roster.member_not_found': 'No roster member with this id.',
  'roster.mobile_invalid': 'The number is not a mainland mobile number.',
  'roster.not_china_mobile': 'VPMN takes China Mobile numbers only (a number moved to China Mobile must be confirmed as such).',
  'roster.duplicate_mobile': 'The group already has a member with this mobile.',
  'roster.in_other_group': "The mobile is a member of another enterprise's VPMN group.",
  'roster.short_number_invalid': 'A short number has 6 digits and does not start with 0, 1, 95 or 96.',
  'roster.short_number_taken': 'Another member of the group has this short number.',
  'roster.short_number_reserved': 'The customer reserved this short number for someone else.',
  'roster.rules_invalid': 'The short-number rules contradict themselves (overlapping blocks, a number reserved twice).',
  'roster.member_pending': 'The member has a change waiting for the platform; it can be edited once the platform answers.',
  'roster.no_vpmn_plan': 'Roster changes need a signed plan with VPMN (动力100) for the enterprise.',
  'roster.nothing_to_submit': 'Every change of the roster is submitted already.',
  'roster.mobile_locked': "A confirmed member's mobile cannot change: remove the member and add the new number.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_CODES, code);
