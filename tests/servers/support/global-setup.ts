// The server tests start build/index.js: build it first when app/ or server/ changed since.
import { ensureBuild } from "../../../scripts/lib/app-process";

export default function setup() {
  ensureBuild({ quiet: true });
}
