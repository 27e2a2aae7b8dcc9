/** Platform sign-in and sync procedures (issue 4). */
export const syncApi = {};
