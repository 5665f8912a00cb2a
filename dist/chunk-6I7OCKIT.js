import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);

// checks/source/run-git.ts
import { spawn } from "node:child_process";
var GitError = class extends Error {
  constructor(args, detail) {
    super(`git ${args.join(" ")}: ${detail}`);
    this.args = args;
    this.detail = detail;
    this.name = "GitError";
  }
  args;
  detail;
};
function runGit(repoDir, args, input) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd: repoDir, stdio: ["pipe", "pipe", "pipe"] });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", (error) => reject(new GitError(args, error.message)));
    child.on("close", (code) => {
      if (code === 0) resolve(Buffer.concat(stdout));
      else {
        const message = Buffer.concat(stderr).toString("utf8").trim().split("\n")[0] || `exit code ${code}`;
        reject(new GitError(args, message));
      }
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(input ?? "");
  });
}
function nulFields(output) {
  const text = output.toString("utf8");
  return text.split("\0").filter((field, index, all) => field !== "" || index < all.length - 1);
}

// checks/source/git-source.ts
import { readFile } from "node:fs/promises";
import { join, normalize } from "node:path";
var GitRefSource = class {
  constructor(repoDir, ref) {
    this.repoDir = repoDir;
    this.ref = ref;
  }
  repoDir;
  ref;
  pending = [];
  read(path) {
    return new Promise((resolve, reject) => {
      this.pending.push({ path, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }
  /** All in one tick, so one `git cat-file --batch` serves them all. */
  readMany(paths) {
    return Promise.all(paths.map((path) => this.read(path)));
  }
  async list() {
    return nulFields(await runGit(this.repoDir, ["ls-tree", "-r", "-z", "--name-only", this.ref]));
  }
  /** Reads every path asked for since the last flush with one `git cat-file --batch`. */
  async flush() {
    const batch = this.pending;
    this.pending = [];
    try {
      const output = await runGit(this.repoDir, ["cat-file", "--batch"], batch.map((read) => `${this.ref}:${read.path}
`).join(""));
      const texts = parseBatch(output, batch.length);
      batch.forEach((read, index) => read.resolve(texts[index]));
    } catch (error) {
      for (const read of batch) read.reject(error);
    }
  }
};
function parseBatch(output, count) {
  const texts = [];
  let offset = 0;
  while (texts.length < count && offset < output.length) {
    const newline = output.indexOf(10, offset);
    if (newline < 0) break;
    const header = output.subarray(offset, newline).toString("utf8");
    offset = newline + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      texts.push(void 0);
      continue;
    }
    const size = Number(match[2]);
    texts.push(match[1] === "blob" ? output.subarray(offset, offset + size).toString("utf8") : void 0);
    offset += size + 1;
  }
  while (texts.length < count) texts.push(void 0);
  return texts;
}
var WorkingTreeSource = class {
  constructor(repoDir) {
    this.repoDir = repoDir;
  }
  repoDir;
  async read(path) {
    const relative = normalize(path);
    if (relative.startsWith("..") || relative.startsWith("/")) return void 0;
    try {
      return await readFile(join(this.repoDir, relative), "utf8");
    } catch (error) {
      if (error.code === "ENOENT" || error.code === "EISDIR") return void 0;
      throw error;
    }
  }
  async list() {
    const [files, deleted] = await Promise.all([
      runGit(this.repoDir, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]),
      runGit(this.repoDir, ["ls-files", "-z", "--deleted"])
    ]);
    const gone = new Set(nulFields(deleted));
    return [...new Set(nulFields(files))].filter((path) => !gone.has(path));
  }
};
async function defaultBranch(repoDir) {
  try {
    return (await runGit(repoDir, ["symbolic-ref", "--short", "refs/remotes/origin/HEAD"])).toString("utf8").trim();
  } catch {
    for (const candidate of ["main", "master"]) {
      if (await resolveCommit(repoDir, candidate).then(() => true, () => false)) return candidate;
    }
    return void 0;
  }
}
async function resolveCommit(repoDir, ref) {
  try {
    return (await runGit(repoDir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).toString("utf8").trim();
  } catch (error) {
    if (error instanceof GitError) throw new GitError(["rev-parse", ref], `"${ref}" is not a commit in ${repoDir}; fetch it (actions/checkout with fetch-depth: 0) or pass another --base/--head`);
    throw error;
  }
}
var STATUS = { A: "added", C: "added", M: "modified", T: "modified", D: "removed", R: "renamed" };
function parseNameStatus(output) {
  const fields = nulFields(output);
  const changed = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++]?.[0] ?? "";
    const status = STATUS[code] ?? "modified";
    if (code === "R" || code === "C") {
      const previousPath = fields[i++];
      const path = fields[i++];
      changed.push(code === "R" ? { path, status, previousPath } : { path, status });
    } else changed.push({ path: fields[i++], status });
  }
  return changed;
}
async function gitChangeSet(repoDir, base, head) {
  const headCommit = head === void 0 ? void 0 : await resolveCommit(repoDir, head);
  let baseCommit;
  if (base !== void 0) baseCommit = await resolveCommit(repoDir, base);
  else {
    const branch = await defaultBranch(repoDir);
    if (!branch) throw new GitError(["merge-base"], `no default branch (origin/HEAD, main or master) in ${repoDir}; pass --base`);
    baseCommit = (await runGit(repoDir, ["merge-base", headCommit ?? "HEAD", branch])).toString("utf8").trim();
  }
  const diff = await runGit(repoDir, ["diff", "--name-status", "-z", "-M", "--no-ext-diff", baseCommit, ...headCommit ? [headCommit] : [], "--"]);
  const changed = parseNameStatus(diff);
  if (!headCommit) {
    const untracked = nulFields(await runGit(repoDir, ["ls-files", "-z", "--others", "--exclude-standard"]));
    changed.push(...untracked.map((path) => ({ path, status: "added" })));
  }
  return {
    base: new GitRefSource(repoDir, baseCommit),
    head: headCommit ? new GitRefSource(repoDir, headCommit) : new WorkingTreeSource(repoDir),
    changed,
    baseRef: baseCommit,
    headRef: headCommit ?? "working tree"
  };
}

export {
  GitError,
  runGit,
  GitRefSource,
  gitChangeSet
};
