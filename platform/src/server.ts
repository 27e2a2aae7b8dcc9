// The platform server entry (issue 4).
export {};
