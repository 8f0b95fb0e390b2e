/**
 * Block Kit's limits (docs/protocol.md) that the renderers keep to. Slack rejects a whole
 * message that breaks one (`invalid_blocks`, `msg_blocks_too_long`); the offline checker that
 * tests every rendered message against them lives in test/support/block-kit.ts.
 * Lengths are counted in UTF-16 units, which never undercounts Slack's characters.
 */

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  id: 255,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  inputLabel: 2000,
  inputHint: 2000,
  textInputLength: 3000,
  viewTitle: 24,
  privateMetadata: 3000,
  /** Conservative: Slack's undocumented total (`msg_blocks_too_long`) was reported near 13k. */
  blocksJson: 12_000,
  /** Our own cap for the fallback `text` (Slack truncates very long texts anyway). */
  fallbackText: 3000,
} as const;
