import type { Activity } from 'botbuilder';
import { z } from 'zod/v4';
import type { ReceivedFile } from '../ports';

const ChannelMediaSchema = z.object({
  kind: z.enum(['document', 'image']),
  mediaId: z.string().min(1).max(200),
  mimeType: z.string().min(1).max(200),
  filename: z.string().max(240).optional(),
  sha256: z.string().max(128).optional(),
});

/**
 * Files in a message, as channel adapters describe them (`content.channelMedia` of an attachment; the
 * WhatsApp adapter does so for documents and images). Anything else attached is not a received file.
 */
export function receivedFiles(activity: Partial<Activity>): ReceivedFile[] {
  return (activity.attachments ?? []).flatMap((attachment) => {
    const content = attachment.content as { channelMedia?: unknown } | undefined;
    const parsed = ChannelMediaSchema.safeParse(content?.channelMedia);
    if (!parsed.success) return [];
    const { filename, sha256, ...rest } = parsed.data;
    return [{ ...rest, ...(filename ? { filename } : {}), ...(sha256 ? { sha256 } : {}) }];
  });
}
