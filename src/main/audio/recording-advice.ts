// Plain-language advice appended to "this recording can't be used" messages (issue 9 §5: "no
// RIFF/WAVE header" is jargon): what Attune needs, and how people usually get it from the tools
// that record calls. One clause each, so every message stays one line.

/** What a usable recording is, for people. */
export const WHAT_ATTUNE_NEEDS = 'Attune needs a stereo WAV recording of the call, with the agent on one channel and the customer on the other';

/** Where such a recording usually comes from. */
export const HOW_TO_GET_STEREO =
  'most softphones and call recorders can save one: look for a "stereo", "dual-channel" or "separate channels" recording setting, then export the call as WAV';
