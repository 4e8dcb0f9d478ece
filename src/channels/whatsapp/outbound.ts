/**
 * The WhatsApp channel's outbound rendering, in three parts: render (prompts and replies → Cloud API
 * messages), text (markdown, merging, splitting) and limits (the Cloud API's limits and the checker).
 */
export { renderPrompt, renderReplies, type RenderOptions } from './render';
export { splitText, toWhatsAppMarkdown } from './text';
export { WA_LIMITS, fitText, whatsAppLimitProblems } from './limits';
