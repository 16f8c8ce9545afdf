export * from "./create-impact-assessment";
export * from "./update-impact-assessment";
export * from "./run-impact-assessment-action";
export * from "./record-authority-notification";
export * from "./get-impact-assessment";
export * from "./diff-impact-assessment-versions";
export * from "./list-impact-assessments";
export { impactAssessmentReviewSource } from "./review-task-source";
