/**
 * Links between ISO/IEC 42001:2023 nodes that an implementer works on together. Each pair is undirected;
 * the catalogue derives both directions. These are OpenAIMS's interpretation, not a published crosswalk.
 */
const annexAControls = [
  "A.2.2", "A.2.3", "A.2.4", "A.3.2", "A.3.3", "A.4.2", "A.4.3", "A.4.4", "A.4.5", "A.4.6",
  "A.5.2", "A.5.3", "A.5.4", "A.5.5", "A.6.1.2", "A.6.1.3", "A.6.2.2", "A.6.2.3", "A.6.2.4",
  "A.6.2.5", "A.6.2.6", "A.6.2.7", "A.6.2.8", "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6",
  "A.8.2", "A.8.3", "A.8.4", "A.8.5", "A.9.2", "A.9.3", "A.9.4", "A.10.2", "A.10.3", "A.10.4",
]; // prettier-ignore

export const iso42001Relations: ReadonlyArray<readonly [string, string]> = [
  // Planning a process (6.1.x) and running it (8.x) are assessed separately but evidenced together.
  ["6.1.2", "8.2"],
  ["6.1.3", "8.3"],
  ["6.1.4", "8.4"],
  // Risk treatment selects controls and justifies each in the Statement of Applicability.
  ...annexAControls.map((control) => ["6.1.3", control] as const),
  // Management-system requirements and the Annex A controls that put them into practice.
  ["4.1", "4.3"],
  ["4.2", "A.8.5"],
  ["5.2", "A.2.2"],
  ["5.2", "A.2.3"],
  ["5.2", "A.2.4"],
  ["5.3", "A.3.2"],
  ["6.1.4", "A.5.2"],
  ["8.4", "A.5.3"],
  ["8.4", "A.5.4"],
  ["8.4", "A.5.5"],
  ["6.2", "A.6.1.2"],
  ["6.2", "A.9.3"],
  ["6.3", "A.6.2.5"],
  ["7.1", "A.4.2"],
  ["7.2", "A.4.6"],
  ["7.3", "A.3.3"],
  ["7.4", "A.8.3"],
  ["7.5.2", "A.6.2.3"],
  ["7.5.3", "A.6.2.7"],
  ["8.1", "A.6.1.3"],
  ["8.1", "A.9.2"],
  ["9.1", "A.6.2.6"],
  ["9.2.1", "9.2.2"],
  ["9.3.2", "9.3.3"],
  ["9.3.2", "A.2.4"],
  ["10.2", "A.3.3"],
  ["10.2", "A.8.4"],
  // Annex A controls that depend on one another.
  ["A.4.3", "A.7.2"],
  ["A.5.2", "A.5.3"],
  ["A.6.2.2", "A.9.4"],
  ["A.6.2.6", "A.6.2.8"],
  ["A.6.2.3", "A.6.2.7"],
  ["A.6.2.7", "A.8.2"],
  ["A.7.3", "A.7.5"],
  ["A.7.3", "A.10.3"],
  ["A.7.4", "A.7.6"],
  ["A.8.2", "A.9.4"],
  ["A.8.2", "A.10.4"],
  ["A.3.2", "A.10.2"],
];
