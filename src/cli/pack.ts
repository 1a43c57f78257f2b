/** `miniapps pack` (placeholder until the command lands: it says so and fails). */
export async function run(_args: string[]): Promise<number> {
  console.error('miniapps pack: not available in this build');
  return 1;
}
