// The worker thread of group-off-thread.ts: groups the documents it is sent (group.ts) and
// sends back the stories and the grouper (to be extended later), their memory transferred.
import { parentPort } from "node:worker_threads";
import { StoryGrouper, type StoryDocs } from "@/lib/stories/group";

parentPort!.on("message", ({ id, docs }: { id: number; docs: StoryDocs }) => {
  try {
    const grouper = new StoryGrouper();
    grouper.append(docs);
    const stories = grouper.result();
    const transfer = [...grouper.buffers(), ...[stories.story, stories.original, stories.start, stories.members].map((a) => a.buffer as ArrayBuffer)];
    parentPort!.postMessage({ id, stories, grouper }, transfer);
  } catch (error) {
    parentPort!.postMessage({ id, error: String(error) });
  }
});
