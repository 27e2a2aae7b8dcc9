/** Site builder procedures (issue 3). */
export const sitesApi = {};
