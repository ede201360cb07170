// The <option>s of a team picker, indented to show the hierarchy (a <select> can't nest).
export function TeamTreeOptions({ teams }: { teams: Array<{ id: string; name: string; depth: number }> }) {
  return (
    <>
      {teams.map((t) => (
        <option key={t.id} value={t.id}>
          {"\u00a0\u00a0".repeat(t.depth)}
          {t.name}
        </option>
      ))}
    </>
  );
}
