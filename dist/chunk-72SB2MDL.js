import { createRequire as __hgCreateRequire } from 'node:module';
import { fileURLToPath as __hgFileURLToPath } from 'node:url';
import { dirname as __hgDirname } from 'node:path';
const require = __hgCreateRequire(import.meta.url);
const __filename = __hgFileURLToPath(import.meta.url);
const __dirname = __hgDirname(__filename);
import {
  ENV_AMBIGUOUS_PATH,
  ENV_CIDR_OVERLAP,
  ENV_CROSS_REFERENCE,
  ENV_NETWORK_PATH,
  ENV_SHARED_RESOURCE,
  ENV_SHARED_STATE,
  INFRA_RULES,
  PARSE_ERROR_RULE,
  SUPPRESSION_INVALID_RULE,
  describeValue,
  isUnresolved,
  unresolved,
  valueAt
} from "./chunk-ENYIBBSX.js";
import {
  emptyReport,
  mergeReports
} from "./chunk-UBA2LUSE.js";
import {
  TOOL
} from "./chunk-HMYS7HSV.js";
import {
  DEFAULT_CONFIG_PATH,
  YamlSyntaxError,
  compareFindings,
  locate,
  makeFinding,
  parseYaml,
  parseYamlDocuments,
  require_picomatch,
  yaml
} from "./chunk-IQ5MC3TQ.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-2AJFM67G.js";

// node_modules/universalify/index.js
var require_universalify = __commonJS({
  "node_modules/universalify/index.js"(exports) {
    "use strict";
    exports.fromCallback = function(fn) {
      return Object.defineProperty(function(...args) {
        if (typeof args[args.length - 1] === "function") fn.apply(this, args);
        else {
          return new Promise((resolve, reject) => {
            args.push((err, res) => err != null ? reject(err) : resolve(res));
            fn.apply(this, args);
          });
        }
      }, "name", { value: fn.name });
    };
    exports.fromPromise = function(fn) {
      return Object.defineProperty(function(...args) {
        const cb = args[args.length - 1];
        if (typeof cb !== "function") return fn.apply(this, args);
        else {
          args.pop();
          fn.apply(this, args).then((r) => cb(null, r), cb);
        }
      }, "name", { value: fn.name });
    };
  }
});

// node_modules/graceful-fs/polyfills.js
var require_polyfills = __commonJS({
  "node_modules/graceful-fs/polyfills.js"(exports, module) {
    var constants = __require("constants");
    var origCwd = process.cwd;
    var cwd = null;
    var platform = process.env.GRACEFUL_FS_PLATFORM || process.platform;
    process.cwd = function() {
      if (!cwd)
        cwd = origCwd.call(process);
      return cwd;
    };
    try {
      process.cwd();
    } catch (er) {
    }
    if (typeof process.chdir === "function") {
      chdir = process.chdir;
      process.chdir = function(d) {
        cwd = null;
        chdir.call(process, d);
      };
      if (Object.setPrototypeOf) Object.setPrototypeOf(process.chdir, chdir);
    }
    var chdir;
    module.exports = patch;
    function patch(fs2) {
      if (constants.hasOwnProperty("O_SYMLINK") && process.version.match(/^v0\.6\.[0-2]|^v0\.5\./)) {
        patchLchmod(fs2);
      }
      if (!fs2.lutimes) {
        patchLutimes(fs2);
      }
      fs2.chown = chownFix(fs2.chown);
      fs2.fchown = chownFix(fs2.fchown);
      fs2.lchown = chownFix(fs2.lchown);
      fs2.chmod = chmodFix(fs2.chmod);
      fs2.fchmod = chmodFix(fs2.fchmod);
      fs2.lchmod = chmodFix(fs2.lchmod);
      fs2.chownSync = chownFixSync(fs2.chownSync);
      fs2.fchownSync = chownFixSync(fs2.fchownSync);
      fs2.lchownSync = chownFixSync(fs2.lchownSync);
      fs2.chmodSync = chmodFixSync(fs2.chmodSync);
      fs2.fchmodSync = chmodFixSync(fs2.fchmodSync);
      fs2.lchmodSync = chmodFixSync(fs2.lchmodSync);
      fs2.stat = statFix(fs2.stat);
      fs2.fstat = statFix(fs2.fstat);
      fs2.lstat = statFix(fs2.lstat);
      fs2.statSync = statFixSync(fs2.statSync);
      fs2.fstatSync = statFixSync(fs2.fstatSync);
      fs2.lstatSync = statFixSync(fs2.lstatSync);
      if (fs2.chmod && !fs2.lchmod) {
        fs2.lchmod = function(path, mode, cb) {
          if (cb) process.nextTick(cb);
        };
        fs2.lchmodSync = function() {
        };
      }
      if (fs2.chown && !fs2.lchown) {
        fs2.lchown = function(path, uid, gid, cb) {
          if (cb) process.nextTick(cb);
        };
        fs2.lchownSync = function() {
        };
      }
      if (platform === "win32") {
        fs2.rename = typeof fs2.rename !== "function" ? fs2.rename : (function(fs$rename) {
          function rename(from, to, cb) {
            var start = Date.now();
            var backoff = 0;
            fs$rename(from, to, function CB(er) {
              if (er && (er.code === "EACCES" || er.code === "EPERM" || er.code === "EBUSY") && Date.now() - start < 6e4) {
                setTimeout(function() {
                  fs2.stat(to, function(stater, st) {
                    if (stater && stater.code === "ENOENT")
                      fs$rename(from, to, CB);
                    else
                      cb(er);
                  });
                }, backoff);
                if (backoff < 100)
                  backoff += 10;
                return;
              }
              if (cb) cb(er);
            });
          }
          if (Object.setPrototypeOf) Object.setPrototypeOf(rename, fs$rename);
          return rename;
        })(fs2.rename);
      }
      fs2.read = typeof fs2.read !== "function" ? fs2.read : (function(fs$read) {
        function read(fd, buffer, offset, length, position, callback_) {
          var callback;
          if (callback_ && typeof callback_ === "function") {
            var eagCounter = 0;
            callback = function(er, _, __) {
              if (er && er.code === "EAGAIN" && eagCounter < 10) {
                eagCounter++;
                return fs$read.call(fs2, fd, buffer, offset, length, position, callback);
              }
              callback_.apply(this, arguments);
            };
          }
          return fs$read.call(fs2, fd, buffer, offset, length, position, callback);
        }
        if (Object.setPrototypeOf) Object.setPrototypeOf(read, fs$read);
        return read;
      })(fs2.read);
      fs2.readSync = typeof fs2.readSync !== "function" ? fs2.readSync : /* @__PURE__ */ (function(fs$readSync) {
        return function(fd, buffer, offset, length, position) {
          var eagCounter = 0;
          while (true) {
            try {
              return fs$readSync.call(fs2, fd, buffer, offset, length, position);
            } catch (er) {
              if (er.code === "EAGAIN" && eagCounter < 10) {
                eagCounter++;
                continue;
              }
              throw er;
            }
          }
        };
      })(fs2.readSync);
      function patchLchmod(fs3) {
        fs3.lchmod = function(path, mode, callback) {
          fs3.open(
            path,
            constants.O_WRONLY | constants.O_SYMLINK,
            mode,
            function(err, fd) {
              if (err) {
                if (callback) callback(err);
                return;
              }
              fs3.fchmod(fd, mode, function(err2) {
                fs3.close(fd, function(err22) {
                  if (callback) callback(err2 || err22);
                });
              });
            }
          );
        };
        fs3.lchmodSync = function(path, mode) {
          var fd = fs3.openSync(path, constants.O_WRONLY | constants.O_SYMLINK, mode);
          var threw = true;
          var ret;
          try {
            ret = fs3.fchmodSync(fd, mode);
            threw = false;
          } finally {
            if (threw) {
              try {
                fs3.closeSync(fd);
              } catch (er) {
              }
            } else {
              fs3.closeSync(fd);
            }
          }
          return ret;
        };
      }
      function patchLutimes(fs3) {
        if (constants.hasOwnProperty("O_SYMLINK") && fs3.futimes) {
          fs3.lutimes = function(path, at, mt, cb) {
            fs3.open(path, constants.O_SYMLINK, function(er, fd) {
              if (er) {
                if (cb) cb(er);
                return;
              }
              fs3.futimes(fd, at, mt, function(er2) {
                fs3.close(fd, function(er22) {
                  if (cb) cb(er2 || er22);
                });
              });
            });
          };
          fs3.lutimesSync = function(path, at, mt) {
            var fd = fs3.openSync(path, constants.O_SYMLINK);
            var ret;
            var threw = true;
            try {
              ret = fs3.futimesSync(fd, at, mt);
              threw = false;
            } finally {
              if (threw) {
                try {
                  fs3.closeSync(fd);
                } catch (er) {
                }
              } else {
                fs3.closeSync(fd);
              }
            }
            return ret;
          };
        } else if (fs3.futimes) {
          fs3.lutimes = function(_a, _b, _c, cb) {
            if (cb) process.nextTick(cb);
          };
          fs3.lutimesSync = function() {
          };
        }
      }
      function chmodFix(orig) {
        if (!orig) return orig;
        return function(target, mode, cb) {
          return orig.call(fs2, target, mode, function(er) {
            if (chownErOk(er)) er = null;
            if (cb) cb.apply(this, arguments);
          });
        };
      }
      function chmodFixSync(orig) {
        if (!orig) return orig;
        return function(target, mode) {
          try {
            return orig.call(fs2, target, mode);
          } catch (er) {
            if (!chownErOk(er)) throw er;
          }
        };
      }
      function chownFix(orig) {
        if (!orig) return orig;
        return function(target, uid, gid, cb) {
          return orig.call(fs2, target, uid, gid, function(er) {
            if (chownErOk(er)) er = null;
            if (cb) cb.apply(this, arguments);
          });
        };
      }
      function chownFixSync(orig) {
        if (!orig) return orig;
        return function(target, uid, gid) {
          try {
            return orig.call(fs2, target, uid, gid);
          } catch (er) {
            if (!chownErOk(er)) throw er;
          }
        };
      }
      function statFix(orig) {
        if (!orig) return orig;
        return function(target, options, cb) {
          if (typeof options === "function") {
            cb = options;
            options = null;
          }
          function callback(er, stats) {
            if (stats) {
              if (stats.uid < 0) stats.uid += 4294967296;
              if (stats.gid < 0) stats.gid += 4294967296;
            }
            if (cb) cb.apply(this, arguments);
          }
          return options ? orig.call(fs2, target, options, callback) : orig.call(fs2, target, callback);
        };
      }
      function statFixSync(orig) {
        if (!orig) return orig;
        return function(target, options) {
          var stats = options ? orig.call(fs2, target, options) : orig.call(fs2, target);
          if (stats) {
            if (stats.uid < 0) stats.uid += 4294967296;
            if (stats.gid < 0) stats.gid += 4294967296;
          }
          return stats;
        };
      }
      function chownErOk(er) {
        if (!er)
          return true;
        if (er.code === "ENOSYS")
          return true;
        var nonroot = !process.getuid || process.getuid() !== 0;
        if (nonroot) {
          if (er.code === "EINVAL" || er.code === "EPERM")
            return true;
        }
        return false;
      }
    }
  }
});

// node_modules/graceful-fs/legacy-streams.js
var require_legacy_streams = __commonJS({
  "node_modules/graceful-fs/legacy-streams.js"(exports, module) {
    var Stream = __require("stream").Stream;
    module.exports = legacy;
    function legacy(fs2) {
      return {
        ReadStream,
        WriteStream
      };
      function ReadStream(path, options) {
        if (!(this instanceof ReadStream)) return new ReadStream(path, options);
        Stream.call(this);
        var self = this;
        this.path = path;
        this.fd = null;
        this.readable = true;
        this.paused = false;
        this.flags = "r";
        this.mode = 438;
        this.bufferSize = 64 * 1024;
        options = options || {};
        var keys = Object.keys(options);
        for (var index = 0, length = keys.length; index < length; index++) {
          var key = keys[index];
          this[key] = options[key];
        }
        if (this.encoding) this.setEncoding(this.encoding);
        if (this.start !== void 0) {
          if ("number" !== typeof this.start) {
            throw TypeError("start must be a Number");
          }
          if (this.end === void 0) {
            this.end = Infinity;
          } else if ("number" !== typeof this.end) {
            throw TypeError("end must be a Number");
          }
          if (this.start > this.end) {
            throw new Error("start must be <= end");
          }
          this.pos = this.start;
        }
        if (this.fd !== null) {
          process.nextTick(function() {
            self._read();
          });
          return;
        }
        fs2.open(this.path, this.flags, this.mode, function(err, fd) {
          if (err) {
            self.emit("error", err);
            self.readable = false;
            return;
          }
          self.fd = fd;
          self.emit("open", fd);
          self._read();
        });
      }
      function WriteStream(path, options) {
        if (!(this instanceof WriteStream)) return new WriteStream(path, options);
        Stream.call(this);
        this.path = path;
        this.fd = null;
        this.writable = true;
        this.flags = "w";
        this.encoding = "binary";
        this.mode = 438;
        this.bytesWritten = 0;
        options = options || {};
        var keys = Object.keys(options);
        for (var index = 0, length = keys.length; index < length; index++) {
          var key = keys[index];
          this[key] = options[key];
        }
        if (this.start !== void 0) {
          if ("number" !== typeof this.start) {
            throw TypeError("start must be a Number");
          }
          if (this.start < 0) {
            throw new Error("start must be >= zero");
          }
          this.pos = this.start;
        }
        this.busy = false;
        this._queue = [];
        if (this.fd === null) {
          this._open = fs2.open;
          this._queue.push([this._open, this.path, this.flags, this.mode, void 0]);
          this.flush();
        }
      }
    }
  }
});

// node_modules/graceful-fs/clone.js
var require_clone = __commonJS({
  "node_modules/graceful-fs/clone.js"(exports, module) {
    "use strict";
    module.exports = clone;
    var getPrototypeOf = Object.getPrototypeOf || function(obj) {
      return obj.__proto__;
    };
    function clone(obj) {
      if (obj === null || typeof obj !== "object")
        return obj;
      if (obj instanceof Object)
        var copy = { __proto__: getPrototypeOf(obj) };
      else
        var copy = /* @__PURE__ */ Object.create(null);
      Object.getOwnPropertyNames(obj).forEach(function(key) {
        Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(obj, key));
      });
      return copy;
    }
  }
});

// node_modules/graceful-fs/graceful-fs.js
var require_graceful_fs = __commonJS({
  "node_modules/graceful-fs/graceful-fs.js"(exports, module) {
    var fs2 = __require("fs");
    var polyfills = require_polyfills();
    var legacy = require_legacy_streams();
    var clone = require_clone();
    var util = __require("util");
    var gracefulQueue;
    var previousSymbol;
    if (typeof Symbol === "function" && typeof Symbol.for === "function") {
      gracefulQueue = /* @__PURE__ */ Symbol.for("graceful-fs.queue");
      previousSymbol = /* @__PURE__ */ Symbol.for("graceful-fs.previous");
    } else {
      gracefulQueue = "___graceful-fs.queue";
      previousSymbol = "___graceful-fs.previous";
    }
    function noop() {
    }
    function publishQueue(context, queue2) {
      Object.defineProperty(context, gracefulQueue, {
        get: function() {
          return queue2;
        }
      });
    }
    var debug = noop;
    if (util.debuglog)
      debug = util.debuglog("gfs4");
    else if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || ""))
      debug = function() {
        var m = util.format.apply(util, arguments);
        m = "GFS4: " + m.split(/\n/).join("\nGFS4: ");
        console.error(m);
      };
    if (!fs2[gracefulQueue]) {
      queue = global[gracefulQueue] || [];
      publishQueue(fs2, queue);
      fs2.close = (function(fs$close) {
        function close(fd, cb) {
          return fs$close.call(fs2, fd, function(err) {
            if (!err) {
              resetQueue();
            }
            if (typeof cb === "function")
              cb.apply(this, arguments);
          });
        }
        Object.defineProperty(close, previousSymbol, {
          value: fs$close
        });
        return close;
      })(fs2.close);
      fs2.closeSync = (function(fs$closeSync) {
        function closeSync(fd) {
          fs$closeSync.apply(fs2, arguments);
          resetQueue();
        }
        Object.defineProperty(closeSync, previousSymbol, {
          value: fs$closeSync
        });
        return closeSync;
      })(fs2.closeSync);
      if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || "")) {
        process.on("exit", function() {
          debug(fs2[gracefulQueue]);
          __require("assert").equal(fs2[gracefulQueue].length, 0);
        });
      }
    }
    var queue;
    if (!global[gracefulQueue]) {
      publishQueue(global, fs2[gracefulQueue]);
    }
    module.exports = patch(clone(fs2));
    if (process.env.TEST_GRACEFUL_FS_GLOBAL_PATCH && !fs2.__patched) {
      module.exports = patch(fs2);
      fs2.__patched = true;
    }
    function patch(fs3) {
      polyfills(fs3);
      fs3.gracefulify = patch;
      fs3.createReadStream = createReadStream;
      fs3.createWriteStream = createWriteStream;
      var fs$readFile = fs3.readFile;
      fs3.readFile = readFile;
      function readFile(path, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$readFile(path, options, cb);
        function go$readFile(path2, options2, cb2, startTime) {
          return fs$readFile(path2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$readFile, [path2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$writeFile = fs3.writeFile;
      fs3.writeFile = writeFile;
      function writeFile(path, data, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$writeFile(path, data, options, cb);
        function go$writeFile(path2, data2, options2, cb2, startTime) {
          return fs$writeFile(path2, data2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$writeFile, [path2, data2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$appendFile = fs3.appendFile;
      if (fs$appendFile)
        fs3.appendFile = appendFile;
      function appendFile(path, data, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$appendFile(path, data, options, cb);
        function go$appendFile(path2, data2, options2, cb2, startTime) {
          return fs$appendFile(path2, data2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$appendFile, [path2, data2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$copyFile = fs3.copyFile;
      if (fs$copyFile)
        fs3.copyFile = copyFile;
      function copyFile(src, dest, flags, cb) {
        if (typeof flags === "function") {
          cb = flags;
          flags = 0;
        }
        return go$copyFile(src, dest, flags, cb);
        function go$copyFile(src2, dest2, flags2, cb2, startTime) {
          return fs$copyFile(src2, dest2, flags2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$copyFile, [src2, dest2, flags2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$readdir = fs3.readdir;
      fs3.readdir = readdir;
      var noReaddirOptionVersions = /^v[0-5]\./;
      function readdir(path, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        var go$readdir = noReaddirOptionVersions.test(process.version) ? function go$readdir2(path2, options2, cb2, startTime) {
          return fs$readdir(path2, fs$readdirCallback(
            path2,
            options2,
            cb2,
            startTime
          ));
        } : function go$readdir2(path2, options2, cb2, startTime) {
          return fs$readdir(path2, options2, fs$readdirCallback(
            path2,
            options2,
            cb2,
            startTime
          ));
        };
        return go$readdir(path, options, cb);
        function fs$readdirCallback(path2, options2, cb2, startTime) {
          return function(err, files) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([
                go$readdir,
                [path2, options2, cb2],
                err,
                startTime || Date.now(),
                Date.now()
              ]);
            else {
              if (files && files.sort)
                files.sort();
              if (typeof cb2 === "function")
                cb2.call(this, err, files);
            }
          };
        }
      }
      if (process.version.substr(0, 4) === "v0.8") {
        var legStreams = legacy(fs3);
        ReadStream = legStreams.ReadStream;
        WriteStream = legStreams.WriteStream;
      }
      var fs$ReadStream = fs3.ReadStream;
      if (fs$ReadStream) {
        ReadStream.prototype = Object.create(fs$ReadStream.prototype);
        ReadStream.prototype.open = ReadStream$open;
      }
      var fs$WriteStream = fs3.WriteStream;
      if (fs$WriteStream) {
        WriteStream.prototype = Object.create(fs$WriteStream.prototype);
        WriteStream.prototype.open = WriteStream$open;
      }
      Object.defineProperty(fs3, "ReadStream", {
        get: function() {
          return ReadStream;
        },
        set: function(val) {
          ReadStream = val;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(fs3, "WriteStream", {
        get: function() {
          return WriteStream;
        },
        set: function(val) {
          WriteStream = val;
        },
        enumerable: true,
        configurable: true
      });
      var FileReadStream = ReadStream;
      Object.defineProperty(fs3, "FileReadStream", {
        get: function() {
          return FileReadStream;
        },
        set: function(val) {
          FileReadStream = val;
        },
        enumerable: true,
        configurable: true
      });
      var FileWriteStream = WriteStream;
      Object.defineProperty(fs3, "FileWriteStream", {
        get: function() {
          return FileWriteStream;
        },
        set: function(val) {
          FileWriteStream = val;
        },
        enumerable: true,
        configurable: true
      });
      function ReadStream(path, options) {
        if (this instanceof ReadStream)
          return fs$ReadStream.apply(this, arguments), this;
        else
          return ReadStream.apply(Object.create(ReadStream.prototype), arguments);
      }
      function ReadStream$open() {
        var that = this;
        open(that.path, that.flags, that.mode, function(err, fd) {
          if (err) {
            if (that.autoClose)
              that.destroy();
            that.emit("error", err);
          } else {
            that.fd = fd;
            that.emit("open", fd);
            that.read();
          }
        });
      }
      function WriteStream(path, options) {
        if (this instanceof WriteStream)
          return fs$WriteStream.apply(this, arguments), this;
        else
          return WriteStream.apply(Object.create(WriteStream.prototype), arguments);
      }
      function WriteStream$open() {
        var that = this;
        open(that.path, that.flags, that.mode, function(err, fd) {
          if (err) {
            that.destroy();
            that.emit("error", err);
          } else {
            that.fd = fd;
            that.emit("open", fd);
          }
        });
      }
      function createReadStream(path, options) {
        return new fs3.ReadStream(path, options);
      }
      function createWriteStream(path, options) {
        return new fs3.WriteStream(path, options);
      }
      var fs$open = fs3.open;
      fs3.open = open;
      function open(path, flags, mode, cb) {
        if (typeof mode === "function")
          cb = mode, mode = null;
        return go$open(path, flags, mode, cb);
        function go$open(path2, flags2, mode2, cb2, startTime) {
          return fs$open(path2, flags2, mode2, function(err, fd) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$open, [path2, flags2, mode2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      return fs3;
    }
    function enqueue(elem) {
      debug("ENQUEUE", elem[0].name, elem[1]);
      fs2[gracefulQueue].push(elem);
      retry();
    }
    var retryTimer;
    function resetQueue() {
      var now = Date.now();
      for (var i = 0; i < fs2[gracefulQueue].length; ++i) {
        if (fs2[gracefulQueue][i].length > 2) {
          fs2[gracefulQueue][i][3] = now;
          fs2[gracefulQueue][i][4] = now;
        }
      }
      retry();
    }
    function retry() {
      clearTimeout(retryTimer);
      retryTimer = void 0;
      if (fs2[gracefulQueue].length === 0)
        return;
      var elem = fs2[gracefulQueue].shift();
      var fn = elem[0];
      var args = elem[1];
      var err = elem[2];
      var startTime = elem[3];
      var lastTime = elem[4];
      if (startTime === void 0) {
        debug("RETRY", fn.name, args);
        fn.apply(null, args);
      } else if (Date.now() - startTime >= 6e4) {
        debug("TIMEOUT", fn.name, args);
        var cb = args.pop();
        if (typeof cb === "function")
          cb.call(null, err);
      } else {
        var sinceAttempt = Date.now() - lastTime;
        var sinceStart = Math.max(lastTime - startTime, 1);
        var desiredDelay = Math.min(sinceStart * 1.2, 100);
        if (sinceAttempt >= desiredDelay) {
          debug("RETRY", fn.name, args);
          fn.apply(null, args.concat([startTime]));
        } else {
          fs2[gracefulQueue].push(elem);
        }
      }
      if (retryTimer === void 0) {
        retryTimer = setTimeout(retry, 0);
      }
    }
  }
});

// node_modules/fs-extra/lib/fs/index.js
var require_fs = __commonJS({
  "node_modules/fs-extra/lib/fs/index.js"(exports) {
    "use strict";
    var u = require_universalify().fromCallback;
    var fs2 = require_graceful_fs();
    var api = [
      "access",
      "appendFile",
      "chmod",
      "chown",
      "close",
      "copyFile",
      "cp",
      "fchmod",
      "fchown",
      "fdatasync",
      "fstat",
      "fsync",
      "ftruncate",
      "futimes",
      "glob",
      "lchmod",
      "lchown",
      "lutimes",
      "link",
      "lstat",
      "mkdir",
      "mkdtemp",
      "open",
      "opendir",
      "readdir",
      "readFile",
      "readlink",
      "realpath",
      "rename",
      "rm",
      "rmdir",
      "stat",
      "statfs",
      "symlink",
      "truncate",
      "unlink",
      "utimes",
      "writeFile"
    ].filter((key) => {
      return typeof fs2[key] === "function";
    });
    Object.assign(exports, fs2);
    api.forEach((method) => {
      exports[method] = u(fs2[method]);
    });
    exports.exists = function(filename, callback) {
      if (typeof callback === "function") {
        return fs2.exists(filename, callback);
      }
      return new Promise((resolve) => {
        return fs2.exists(filename, resolve);
      });
    };
    exports.read = function(fd, buffer, offset, length, position, callback) {
      if (typeof callback === "function") {
        return fs2.read(fd, buffer, offset, length, position, callback);
      }
      return new Promise((resolve, reject) => {
        fs2.read(fd, buffer, offset, length, position, (err, bytesRead, buffer2) => {
          if (err) return reject(err);
          resolve({ bytesRead, buffer: buffer2 });
        });
      });
    };
    exports.write = function(fd, buffer, ...args) {
      if (typeof args[args.length - 1] === "function") {
        return fs2.write(fd, buffer, ...args);
      }
      return new Promise((resolve, reject) => {
        fs2.write(fd, buffer, ...args, (err, bytesWritten, buffer2) => {
          if (err) return reject(err);
          resolve({ bytesWritten, buffer: buffer2 });
        });
      });
    };
    exports.readv = function(fd, buffers, ...args) {
      if (typeof args[args.length - 1] === "function") {
        return fs2.readv(fd, buffers, ...args);
      }
      return new Promise((resolve, reject) => {
        fs2.readv(fd, buffers, ...args, (err, bytesRead, buffers2) => {
          if (err) return reject(err);
          resolve({ bytesRead, buffers: buffers2 });
        });
      });
    };
    exports.writev = function(fd, buffers, ...args) {
      if (typeof args[args.length - 1] === "function") {
        return fs2.writev(fd, buffers, ...args);
      }
      return new Promise((resolve, reject) => {
        fs2.writev(fd, buffers, ...args, (err, bytesWritten, buffers2) => {
          if (err) return reject(err);
          resolve({ bytesWritten, buffers: buffers2 });
        });
      });
    };
    if (typeof fs2.realpath.native === "function") {
      exports.realpath.native = u(fs2.realpath.native);
    } else {
      process.emitWarning(
        "fs.realpath.native is not a function. Is fs being monkey-patched?",
        "Warning",
        "fs-extra-WARN0003"
      );
    }
  }
});

// node_modules/fs-extra/lib/mkdirs/utils.js
var require_utils = __commonJS({
  "node_modules/fs-extra/lib/mkdirs/utils.js"(exports, module) {
    "use strict";
    var path = __require("path");
    module.exports.checkPath = function checkPath(pth) {
      if (process.platform === "win32") {
        const pathHasInvalidWinCharacters = /[<>:"|?*]/.test(pth.replace(path.parse(pth).root, ""));
        if (pathHasInvalidWinCharacters) {
          const error = new Error(`Path contains invalid characters: ${pth}`);
          error.code = "EINVAL";
          throw error;
        }
      }
    };
  }
});

// node_modules/fs-extra/lib/mkdirs/make-dir.js
var require_make_dir = __commonJS({
  "node_modules/fs-extra/lib/mkdirs/make-dir.js"(exports, module) {
    "use strict";
    var fs2 = require_fs();
    var { checkPath } = require_utils();
    var getMode = (options) => {
      const defaults = { mode: 511 };
      if (typeof options === "number") return options;
      return { ...defaults, ...options }.mode;
    };
    module.exports.makeDir = async (dir, options) => {
      checkPath(dir);
      return fs2.mkdir(dir, {
        mode: getMode(options),
        recursive: true
      });
    };
    module.exports.makeDirSync = (dir, options) => {
      checkPath(dir);
      return fs2.mkdirSync(dir, {
        mode: getMode(options),
        recursive: true
      });
    };
  }
});

// node_modules/fs-extra/lib/mkdirs/index.js
var require_mkdirs = __commonJS({
  "node_modules/fs-extra/lib/mkdirs/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var { makeDir: _makeDir, makeDirSync } = require_make_dir();
    var makeDir = u(_makeDir);
    module.exports = {
      mkdirs: makeDir,
      mkdirsSync: makeDirSync,
      // alias
      mkdirp: makeDir,
      mkdirpSync: makeDirSync,
      ensureDir: makeDir,
      ensureDirSync: makeDirSync
    };
  }
});

// node_modules/fs-extra/lib/path-exists/index.js
var require_path_exists = __commonJS({
  "node_modules/fs-extra/lib/path-exists/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var fs2 = require_fs();
    function pathExists(path) {
      return fs2.access(path).then(() => true).catch(() => false);
    }
    module.exports = {
      pathExists: u(pathExists),
      pathExistsSync: fs2.existsSync
    };
  }
});

// node_modules/fs-extra/lib/util/utimes.js
var require_utimes = __commonJS({
  "node_modules/fs-extra/lib/util/utimes.js"(exports, module) {
    "use strict";
    var fs2 = require_fs();
    var u = require_universalify().fromPromise;
    async function utimesMillis(path, atime, mtime) {
      const fd = await fs2.open(path, "r+");
      let closeErr = null;
      try {
        await fs2.futimes(fd, atime, mtime);
      } finally {
        try {
          await fs2.close(fd);
        } catch (e) {
          closeErr = e;
        }
      }
      if (closeErr) {
        throw closeErr;
      }
    }
    function utimesMillisSync(path, atime, mtime) {
      const fd = fs2.openSync(path, "r+");
      fs2.futimesSync(fd, atime, mtime);
      return fs2.closeSync(fd);
    }
    module.exports = {
      utimesMillis: u(utimesMillis),
      utimesMillisSync
    };
  }
});

// node_modules/fs-extra/lib/util/stat.js
var require_stat = __commonJS({
  "node_modules/fs-extra/lib/util/stat.js"(exports, module) {
    "use strict";
    var fs2 = require_fs();
    var path = __require("path");
    var u = require_universalify().fromPromise;
    function getStats(src, dest, opts) {
      const statFunc = opts.dereference ? (file) => fs2.stat(file, { bigint: true }) : (file) => fs2.lstat(file, { bigint: true });
      return Promise.all([
        statFunc(src),
        statFunc(dest).catch((err) => {
          if (err.code === "ENOENT") return null;
          throw err;
        })
      ]).then(([srcStat, destStat]) => ({ srcStat, destStat }));
    }
    function getStatsSync(src, dest, opts) {
      let destStat;
      const statFunc = opts.dereference ? (file) => fs2.statSync(file, { bigint: true }) : (file) => fs2.lstatSync(file, { bigint: true });
      const srcStat = statFunc(src);
      try {
        destStat = statFunc(dest);
      } catch (err) {
        if (err.code === "ENOENT") return { srcStat, destStat: null };
        throw err;
      }
      return { srcStat, destStat };
    }
    async function checkPaths(src, dest, funcName, opts) {
      const { srcStat, destStat } = await getStats(src, dest, opts);
      if (destStat) {
        if (areIdentical(srcStat, destStat)) {
          const srcBaseName = path.basename(src);
          const destBaseName = path.basename(dest);
          if (funcName === "move" && srcBaseName !== destBaseName && srcBaseName.toLowerCase() === destBaseName.toLowerCase()) {
            return { srcStat, destStat, isChangingCase: true };
          }
          throw new Error("Source and destination must not be the same.");
        }
        if (srcStat.isDirectory() && !destStat.isDirectory()) {
          throw new Error(`Cannot overwrite non-directory '${dest}' with directory '${src}'.`);
        }
        if (!srcStat.isDirectory() && destStat.isDirectory()) {
          throw new Error(`Cannot overwrite directory '${dest}' with non-directory '${src}'.`);
        }
      }
      if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return { srcStat, destStat };
    }
    function checkPathsSync(src, dest, funcName, opts) {
      const { srcStat, destStat } = getStatsSync(src, dest, opts);
      if (destStat) {
        if (areIdentical(srcStat, destStat)) {
          const srcBaseName = path.basename(src);
          const destBaseName = path.basename(dest);
          if (funcName === "move" && srcBaseName !== destBaseName && srcBaseName.toLowerCase() === destBaseName.toLowerCase()) {
            return { srcStat, destStat, isChangingCase: true };
          }
          throw new Error("Source and destination must not be the same.");
        }
        if (srcStat.isDirectory() && !destStat.isDirectory()) {
          throw new Error(`Cannot overwrite non-directory '${dest}' with directory '${src}'.`);
        }
        if (!srcStat.isDirectory() && destStat.isDirectory()) {
          throw new Error(`Cannot overwrite directory '${dest}' with non-directory '${src}'.`);
        }
      }
      if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return { srcStat, destStat };
    }
    async function checkParentPaths(src, srcStat, dest, funcName) {
      const srcParent = path.resolve(path.dirname(src));
      const destParent = path.resolve(path.dirname(dest));
      if (destParent === srcParent || destParent === path.parse(destParent).root) return;
      let destStat;
      try {
        destStat = await fs2.stat(destParent, { bigint: true });
      } catch (err) {
        if (err.code === "ENOENT") return;
        throw err;
      }
      if (areIdentical(srcStat, destStat)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return checkParentPaths(src, srcStat, destParent, funcName);
    }
    function checkParentPathsSync(src, srcStat, dest, funcName) {
      const srcParent = path.resolve(path.dirname(src));
      const destParent = path.resolve(path.dirname(dest));
      if (destParent === srcParent || destParent === path.parse(destParent).root) return;
      let destStat;
      try {
        destStat = fs2.statSync(destParent, { bigint: true });
      } catch (err) {
        if (err.code === "ENOENT") return;
        throw err;
      }
      if (areIdentical(srcStat, destStat)) {
        throw new Error(errMsg(src, dest, funcName));
      }
      return checkParentPathsSync(src, srcStat, destParent, funcName);
    }
    function areIdentical(srcStat, destStat) {
      return destStat.ino && destStat.dev && destStat.ino === srcStat.ino && destStat.dev === srcStat.dev;
    }
    function isSrcSubdir(src, dest) {
      const srcArr = path.resolve(src).split(path.sep).filter((i) => i);
      const destArr = path.resolve(dest).split(path.sep).filter((i) => i);
      return srcArr.every((cur, i) => destArr[i] === cur);
    }
    function errMsg(src, dest, funcName) {
      return `Cannot ${funcName} '${src}' to a subdirectory of itself, '${dest}'.`;
    }
    module.exports = {
      // checkPaths
      checkPaths: u(checkPaths),
      checkPathsSync,
      // checkParent
      checkParentPaths: u(checkParentPaths),
      checkParentPathsSync,
      // Misc
      isSrcSubdir,
      areIdentical
    };
  }
});

// node_modules/fs-extra/lib/copy/copy.js
var require_copy = __commonJS({
  "node_modules/fs-extra/lib/copy/copy.js"(exports, module) {
    "use strict";
    var fs2 = require_fs();
    var path = __require("path");
    var { mkdirs } = require_mkdirs();
    var { pathExists } = require_path_exists();
    var { utimesMillis } = require_utimes();
    var stat = require_stat();
    async function copy(src, dest, opts = {}) {
      if (typeof opts === "function") {
        opts = { filter: opts };
      }
      opts.clobber = "clobber" in opts ? !!opts.clobber : true;
      opts.overwrite = "overwrite" in opts ? !!opts.overwrite : opts.clobber;
      if (opts.preserveTimestamps && process.arch === "ia32") {
        process.emitWarning(
          "Using the preserveTimestamps option in 32-bit node is not recommended;\n\n	see https://github.com/jprichardson/node-fs-extra/issues/269",
          "Warning",
          "fs-extra-WARN0001"
        );
      }
      const { srcStat, destStat } = await stat.checkPaths(src, dest, "copy", opts);
      await stat.checkParentPaths(src, srcStat, dest, "copy");
      const include = await runFilter(src, dest, opts);
      if (!include) return;
      const destParent = path.dirname(dest);
      const dirExists = await pathExists(destParent);
      if (!dirExists) {
        await mkdirs(destParent);
      }
      await getStatsAndPerformCopy(destStat, src, dest, opts);
    }
    async function runFilter(src, dest, opts) {
      if (!opts.filter) return true;
      return opts.filter(src, dest);
    }
    async function getStatsAndPerformCopy(destStat, src, dest, opts) {
      const statFn = opts.dereference ? fs2.stat : fs2.lstat;
      const srcStat = await statFn(src);
      if (srcStat.isDirectory()) return onDir(srcStat, destStat, src, dest, opts);
      if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) return onFile(srcStat, destStat, src, dest, opts);
      if (srcStat.isSymbolicLink()) return onLink(destStat, src, dest, opts);
      if (srcStat.isSocket()) throw new Error(`Cannot copy a socket file: ${src}`);
      if (srcStat.isFIFO()) throw new Error(`Cannot copy a FIFO pipe: ${src}`);
      throw new Error(`Unknown file: ${src}`);
    }
    async function onFile(srcStat, destStat, src, dest, opts) {
      if (!destStat) return copyFile(srcStat, src, dest, opts);
      if (opts.overwrite) {
        await fs2.unlink(dest);
        return copyFile(srcStat, src, dest, opts);
      }
      if (opts.errorOnExist) {
        throw new Error(`'${dest}' already exists`);
      }
    }
    async function copyFile(srcStat, src, dest, opts) {
      await fs2.copyFile(src, dest);
      if (opts.preserveTimestamps) {
        if (fileIsNotWritable(srcStat.mode)) {
          await makeFileWritable(dest, srcStat.mode);
        }
        const updatedSrcStat = await fs2.stat(src);
        await utimesMillis(dest, updatedSrcStat.atime, updatedSrcStat.mtime);
      }
      return fs2.chmod(dest, srcStat.mode);
    }
    function fileIsNotWritable(srcMode) {
      return (srcMode & 128) === 0;
    }
    function makeFileWritable(dest, srcMode) {
      return fs2.chmod(dest, srcMode | 128);
    }
    async function onDir(srcStat, destStat, src, dest, opts) {
      if (!destStat) {
        await fs2.mkdir(dest);
      }
      const promises = [];
      for await (const item of await fs2.opendir(src)) {
        const srcItem = path.join(src, item.name);
        const destItem = path.join(dest, item.name);
        promises.push(
          runFilter(srcItem, destItem, opts).then((include) => {
            if (include) {
              return stat.checkPaths(srcItem, destItem, "copy", opts).then(({ destStat: destStat2 }) => {
                return getStatsAndPerformCopy(destStat2, srcItem, destItem, opts);
              });
            }
          })
        );
      }
      await Promise.all(promises);
      if (!destStat) {
        await fs2.chmod(dest, srcStat.mode);
      }
    }
    async function onLink(destStat, src, dest, opts) {
      let resolvedSrc = await fs2.readlink(src);
      if (opts.dereference) {
        resolvedSrc = path.resolve(process.cwd(), resolvedSrc);
      }
      if (!destStat) {
        return fs2.symlink(resolvedSrc, dest);
      }
      let resolvedDest = null;
      try {
        resolvedDest = await fs2.readlink(dest);
      } catch (e) {
        if (e.code === "EINVAL" || e.code === "UNKNOWN") return fs2.symlink(resolvedSrc, dest);
        throw e;
      }
      if (opts.dereference) {
        resolvedDest = path.resolve(process.cwd(), resolvedDest);
      }
      if (stat.isSrcSubdir(resolvedSrc, resolvedDest)) {
        throw new Error(`Cannot copy '${resolvedSrc}' to a subdirectory of itself, '${resolvedDest}'.`);
      }
      if (stat.isSrcSubdir(resolvedDest, resolvedSrc)) {
        throw new Error(`Cannot overwrite '${resolvedDest}' with '${resolvedSrc}'.`);
      }
      await fs2.unlink(dest);
      return fs2.symlink(resolvedSrc, dest);
    }
    module.exports = copy;
  }
});

// node_modules/fs-extra/lib/copy/copy-sync.js
var require_copy_sync = __commonJS({
  "node_modules/fs-extra/lib/copy/copy-sync.js"(exports, module) {
    "use strict";
    var fs2 = require_graceful_fs();
    var path = __require("path");
    var mkdirsSync = require_mkdirs().mkdirsSync;
    var utimesMillisSync = require_utimes().utimesMillisSync;
    var stat = require_stat();
    function copySync(src, dest, opts) {
      if (typeof opts === "function") {
        opts = { filter: opts };
      }
      opts = opts || {};
      opts.clobber = "clobber" in opts ? !!opts.clobber : true;
      opts.overwrite = "overwrite" in opts ? !!opts.overwrite : opts.clobber;
      if (opts.preserveTimestamps && process.arch === "ia32") {
        process.emitWarning(
          "Using the preserveTimestamps option in 32-bit node is not recommended;\n\n	see https://github.com/jprichardson/node-fs-extra/issues/269",
          "Warning",
          "fs-extra-WARN0002"
        );
      }
      const { srcStat, destStat } = stat.checkPathsSync(src, dest, "copy", opts);
      stat.checkParentPathsSync(src, srcStat, dest, "copy");
      if (opts.filter && !opts.filter(src, dest)) return;
      const destParent = path.dirname(dest);
      if (!fs2.existsSync(destParent)) mkdirsSync(destParent);
      return getStats(destStat, src, dest, opts);
    }
    function getStats(destStat, src, dest, opts) {
      const statSync = opts.dereference ? fs2.statSync : fs2.lstatSync;
      const srcStat = statSync(src);
      if (srcStat.isDirectory()) return onDir(srcStat, destStat, src, dest, opts);
      else if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) return onFile(srcStat, destStat, src, dest, opts);
      else if (srcStat.isSymbolicLink()) return onLink(destStat, src, dest, opts);
      else if (srcStat.isSocket()) throw new Error(`Cannot copy a socket file: ${src}`);
      else if (srcStat.isFIFO()) throw new Error(`Cannot copy a FIFO pipe: ${src}`);
      throw new Error(`Unknown file: ${src}`);
    }
    function onFile(srcStat, destStat, src, dest, opts) {
      if (!destStat) return copyFile(srcStat, src, dest, opts);
      return mayCopyFile(srcStat, src, dest, opts);
    }
    function mayCopyFile(srcStat, src, dest, opts) {
      if (opts.overwrite) {
        fs2.unlinkSync(dest);
        return copyFile(srcStat, src, dest, opts);
      } else if (opts.errorOnExist) {
        throw new Error(`'${dest}' already exists`);
      }
    }
    function copyFile(srcStat, src, dest, opts) {
      fs2.copyFileSync(src, dest);
      if (opts.preserveTimestamps) handleTimestamps(srcStat.mode, src, dest);
      return setDestMode(dest, srcStat.mode);
    }
    function handleTimestamps(srcMode, src, dest) {
      if (fileIsNotWritable(srcMode)) makeFileWritable(dest, srcMode);
      return setDestTimestamps(src, dest);
    }
    function fileIsNotWritable(srcMode) {
      return (srcMode & 128) === 0;
    }
    function makeFileWritable(dest, srcMode) {
      return setDestMode(dest, srcMode | 128);
    }
    function setDestMode(dest, srcMode) {
      return fs2.chmodSync(dest, srcMode);
    }
    function setDestTimestamps(src, dest) {
      const updatedSrcStat = fs2.statSync(src);
      return utimesMillisSync(dest, updatedSrcStat.atime, updatedSrcStat.mtime);
    }
    function onDir(srcStat, destStat, src, dest, opts) {
      if (!destStat) return mkDirAndCopy(srcStat.mode, src, dest, opts);
      return copyDir(src, dest, opts);
    }
    function mkDirAndCopy(srcMode, src, dest, opts) {
      fs2.mkdirSync(dest);
      copyDir(src, dest, opts);
      return setDestMode(dest, srcMode);
    }
    function copyDir(src, dest, opts) {
      const dir = fs2.opendirSync(src);
      try {
        let dirent;
        while ((dirent = dir.readSync()) !== null) {
          copyDirItem(dirent.name, src, dest, opts);
        }
      } finally {
        dir.closeSync();
      }
    }
    function copyDirItem(item, src, dest, opts) {
      const srcItem = path.join(src, item);
      const destItem = path.join(dest, item);
      if (opts.filter && !opts.filter(srcItem, destItem)) return;
      const { destStat } = stat.checkPathsSync(srcItem, destItem, "copy", opts);
      return getStats(destStat, srcItem, destItem, opts);
    }
    function onLink(destStat, src, dest, opts) {
      let resolvedSrc = fs2.readlinkSync(src);
      if (opts.dereference) {
        resolvedSrc = path.resolve(process.cwd(), resolvedSrc);
      }
      if (!destStat) {
        return fs2.symlinkSync(resolvedSrc, dest);
      } else {
        let resolvedDest;
        try {
          resolvedDest = fs2.readlinkSync(dest);
        } catch (err) {
          if (err.code === "EINVAL" || err.code === "UNKNOWN") return fs2.symlinkSync(resolvedSrc, dest);
          throw err;
        }
        if (opts.dereference) {
          resolvedDest = path.resolve(process.cwd(), resolvedDest);
        }
        if (stat.isSrcSubdir(resolvedSrc, resolvedDest)) {
          throw new Error(`Cannot copy '${resolvedSrc}' to a subdirectory of itself, '${resolvedDest}'.`);
        }
        if (stat.isSrcSubdir(resolvedDest, resolvedSrc)) {
          throw new Error(`Cannot overwrite '${resolvedDest}' with '${resolvedSrc}'.`);
        }
        return copyLink(resolvedSrc, dest);
      }
    }
    function copyLink(resolvedSrc, dest) {
      fs2.unlinkSync(dest);
      return fs2.symlinkSync(resolvedSrc, dest);
    }
    module.exports = copySync;
  }
});

// node_modules/fs-extra/lib/copy/index.js
var require_copy2 = __commonJS({
  "node_modules/fs-extra/lib/copy/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    module.exports = {
      copy: u(require_copy()),
      copySync: require_copy_sync()
    };
  }
});

// node_modules/fs-extra/lib/remove/index.js
var require_remove = __commonJS({
  "node_modules/fs-extra/lib/remove/index.js"(exports, module) {
    "use strict";
    var fs2 = require_graceful_fs();
    var u = require_universalify().fromCallback;
    function remove(path, callback) {
      fs2.rm(path, { recursive: true, force: true }, callback);
    }
    function removeSync(path) {
      fs2.rmSync(path, { recursive: true, force: true });
    }
    module.exports = {
      remove: u(remove),
      removeSync
    };
  }
});

// node_modules/fs-extra/lib/empty/index.js
var require_empty = __commonJS({
  "node_modules/fs-extra/lib/empty/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var fs2 = require_fs();
    var path = __require("path");
    var mkdir = require_mkdirs();
    var remove = require_remove();
    var emptyDir = u(async function emptyDir2(dir) {
      let items;
      try {
        items = await fs2.readdir(dir);
      } catch {
        return mkdir.mkdirs(dir);
      }
      return Promise.all(items.map((item) => remove.remove(path.join(dir, item))));
    });
    function emptyDirSync(dir) {
      let items;
      try {
        items = fs2.readdirSync(dir);
      } catch {
        return mkdir.mkdirsSync(dir);
      }
      items.forEach((item) => {
        item = path.join(dir, item);
        remove.removeSync(item);
      });
    }
    module.exports = {
      emptyDirSync,
      emptydirSync: emptyDirSync,
      emptyDir,
      emptydir: emptyDir
    };
  }
});

// node_modules/fs-extra/lib/ensure/file.js
var require_file = __commonJS({
  "node_modules/fs-extra/lib/ensure/file.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var path = __require("path");
    var fs2 = require_fs();
    var mkdir = require_mkdirs();
    async function createFile(file) {
      let stats;
      try {
        stats = await fs2.stat(file);
      } catch {
      }
      if (stats && stats.isFile()) return;
      const dir = path.dirname(file);
      let dirStats = null;
      try {
        dirStats = await fs2.stat(dir);
      } catch (err) {
        if (err.code === "ENOENT") {
          await mkdir.mkdirs(dir);
          await fs2.writeFile(file, "");
          return;
        } else {
          throw err;
        }
      }
      if (dirStats.isDirectory()) {
        await fs2.writeFile(file, "");
      } else {
        await fs2.readdir(dir);
      }
    }
    function createFileSync(file) {
      let stats;
      try {
        stats = fs2.statSync(file);
      } catch {
      }
      if (stats && stats.isFile()) return;
      const dir = path.dirname(file);
      try {
        if (!fs2.statSync(dir).isDirectory()) {
          fs2.readdirSync(dir);
        }
      } catch (err) {
        if (err && err.code === "ENOENT") mkdir.mkdirsSync(dir);
        else throw err;
      }
      fs2.writeFileSync(file, "");
    }
    module.exports = {
      createFile: u(createFile),
      createFileSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/link.js
var require_link = __commonJS({
  "node_modules/fs-extra/lib/ensure/link.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var path = __require("path");
    var fs2 = require_fs();
    var mkdir = require_mkdirs();
    var { pathExists } = require_path_exists();
    var { areIdentical } = require_stat();
    async function createLink(srcpath, dstpath) {
      let dstStat;
      try {
        dstStat = await fs2.lstat(dstpath);
      } catch {
      }
      let srcStat;
      try {
        srcStat = await fs2.lstat(srcpath);
      } catch (err) {
        err.message = err.message.replace("lstat", "ensureLink");
        throw err;
      }
      if (dstStat && areIdentical(srcStat, dstStat)) return;
      const dir = path.dirname(dstpath);
      const dirExists = await pathExists(dir);
      if (!dirExists) {
        await mkdir.mkdirs(dir);
      }
      await fs2.link(srcpath, dstpath);
    }
    function createLinkSync(srcpath, dstpath) {
      let dstStat;
      try {
        dstStat = fs2.lstatSync(dstpath);
      } catch {
      }
      try {
        const srcStat = fs2.lstatSync(srcpath);
        if (dstStat && areIdentical(srcStat, dstStat)) return;
      } catch (err) {
        err.message = err.message.replace("lstat", "ensureLink");
        throw err;
      }
      const dir = path.dirname(dstpath);
      const dirExists = fs2.existsSync(dir);
      if (dirExists) return fs2.linkSync(srcpath, dstpath);
      mkdir.mkdirsSync(dir);
      return fs2.linkSync(srcpath, dstpath);
    }
    module.exports = {
      createLink: u(createLink),
      createLinkSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/symlink-paths.js
var require_symlink_paths = __commonJS({
  "node_modules/fs-extra/lib/ensure/symlink-paths.js"(exports, module) {
    "use strict";
    var path = __require("path");
    var fs2 = require_fs();
    var { pathExists } = require_path_exists();
    var u = require_universalify().fromPromise;
    async function symlinkPaths(srcpath, dstpath) {
      if (path.isAbsolute(srcpath)) {
        try {
          await fs2.lstat(srcpath);
        } catch (err) {
          err.message = err.message.replace("lstat", "ensureSymlink");
          throw err;
        }
        return {
          toCwd: srcpath,
          toDst: srcpath
        };
      }
      const dstdir = path.dirname(dstpath);
      const relativeToDst = path.join(dstdir, srcpath);
      const exists = await pathExists(relativeToDst);
      if (exists) {
        return {
          toCwd: relativeToDst,
          toDst: srcpath
        };
      }
      try {
        await fs2.lstat(srcpath);
      } catch (err) {
        err.message = err.message.replace("lstat", "ensureSymlink");
        throw err;
      }
      return {
        toCwd: srcpath,
        toDst: path.relative(dstdir, srcpath)
      };
    }
    function symlinkPathsSync(srcpath, dstpath) {
      if (path.isAbsolute(srcpath)) {
        const exists2 = fs2.existsSync(srcpath);
        if (!exists2) throw new Error("absolute srcpath does not exist");
        return {
          toCwd: srcpath,
          toDst: srcpath
        };
      }
      const dstdir = path.dirname(dstpath);
      const relativeToDst = path.join(dstdir, srcpath);
      const exists = fs2.existsSync(relativeToDst);
      if (exists) {
        return {
          toCwd: relativeToDst,
          toDst: srcpath
        };
      }
      const srcExists = fs2.existsSync(srcpath);
      if (!srcExists) throw new Error("relative srcpath does not exist");
      return {
        toCwd: srcpath,
        toDst: path.relative(dstdir, srcpath)
      };
    }
    module.exports = {
      symlinkPaths: u(symlinkPaths),
      symlinkPathsSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/symlink-type.js
var require_symlink_type = __commonJS({
  "node_modules/fs-extra/lib/ensure/symlink-type.js"(exports, module) {
    "use strict";
    var fs2 = require_fs();
    var u = require_universalify().fromPromise;
    async function symlinkType(srcpath, type) {
      if (type) return type;
      let stats;
      try {
        stats = await fs2.lstat(srcpath);
      } catch {
        return "file";
      }
      return stats && stats.isDirectory() ? "dir" : "file";
    }
    function symlinkTypeSync(srcpath, type) {
      if (type) return type;
      let stats;
      try {
        stats = fs2.lstatSync(srcpath);
      } catch {
        return "file";
      }
      return stats && stats.isDirectory() ? "dir" : "file";
    }
    module.exports = {
      symlinkType: u(symlinkType),
      symlinkTypeSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/symlink.js
var require_symlink = __commonJS({
  "node_modules/fs-extra/lib/ensure/symlink.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var path = __require("path");
    var fs2 = require_fs();
    var { mkdirs, mkdirsSync } = require_mkdirs();
    var { symlinkPaths, symlinkPathsSync } = require_symlink_paths();
    var { symlinkType, symlinkTypeSync } = require_symlink_type();
    var { pathExists } = require_path_exists();
    var { areIdentical } = require_stat();
    async function createSymlink(srcpath, dstpath, type) {
      let stats;
      try {
        stats = await fs2.lstat(dstpath);
      } catch {
      }
      if (stats && stats.isSymbolicLink()) {
        const [srcStat, dstStat] = await Promise.all([
          fs2.stat(srcpath),
          fs2.stat(dstpath)
        ]);
        if (areIdentical(srcStat, dstStat)) return;
      }
      const relative = await symlinkPaths(srcpath, dstpath);
      srcpath = relative.toDst;
      const toType = await symlinkType(relative.toCwd, type);
      const dir = path.dirname(dstpath);
      if (!await pathExists(dir)) {
        await mkdirs(dir);
      }
      return fs2.symlink(srcpath, dstpath, toType);
    }
    function createSymlinkSync(srcpath, dstpath, type) {
      let stats;
      try {
        stats = fs2.lstatSync(dstpath);
      } catch {
      }
      if (stats && stats.isSymbolicLink()) {
        const srcStat = fs2.statSync(srcpath);
        const dstStat = fs2.statSync(dstpath);
        if (areIdentical(srcStat, dstStat)) return;
      }
      const relative = symlinkPathsSync(srcpath, dstpath);
      srcpath = relative.toDst;
      type = symlinkTypeSync(relative.toCwd, type);
      const dir = path.dirname(dstpath);
      const exists = fs2.existsSync(dir);
      if (exists) return fs2.symlinkSync(srcpath, dstpath, type);
      mkdirsSync(dir);
      return fs2.symlinkSync(srcpath, dstpath, type);
    }
    module.exports = {
      createSymlink: u(createSymlink),
      createSymlinkSync
    };
  }
});

// node_modules/fs-extra/lib/ensure/index.js
var require_ensure = __commonJS({
  "node_modules/fs-extra/lib/ensure/index.js"(exports, module) {
    "use strict";
    var { createFile, createFileSync } = require_file();
    var { createLink, createLinkSync } = require_link();
    var { createSymlink, createSymlinkSync } = require_symlink();
    module.exports = {
      // file
      createFile,
      createFileSync,
      ensureFile: createFile,
      ensureFileSync: createFileSync,
      // link
      createLink,
      createLinkSync,
      ensureLink: createLink,
      ensureLinkSync: createLinkSync,
      // symlink
      createSymlink,
      createSymlinkSync,
      ensureSymlink: createSymlink,
      ensureSymlinkSync: createSymlinkSync
    };
  }
});

// node_modules/jsonfile/utils.js
var require_utils2 = __commonJS({
  "node_modules/jsonfile/utils.js"(exports, module) {
    function stringify(obj, { EOL = "\n", finalEOL = true, replacer = null, spaces } = {}) {
      const EOF = finalEOL ? EOL : "";
      const str = JSON.stringify(obj, replacer, spaces);
      if (str === void 0) {
        throw new TypeError(`Converting ${typeof obj} value to JSON is not supported`);
      }
      return str.replace(/\n/g, EOL) + EOF;
    }
    function stripBom(content) {
      if (Buffer.isBuffer(content)) content = content.toString("utf8");
      return content.replace(/^\uFEFF/, "");
    }
    module.exports = { stringify, stripBom };
  }
});

// node_modules/jsonfile/index.js
var require_jsonfile = __commonJS({
  "node_modules/jsonfile/index.js"(exports, module) {
    var _fs;
    try {
      _fs = require_graceful_fs();
    } catch (_) {
      _fs = __require("fs");
    }
    var universalify = require_universalify();
    var { stringify, stripBom } = require_utils2();
    async function _readFile(file, options = {}) {
      if (typeof options === "string") {
        options = { encoding: options };
      }
      const fs2 = options.fs || _fs;
      const shouldThrow = "throws" in options ? options.throws : true;
      let data = await universalify.fromCallback(fs2.readFile)(file, options);
      data = stripBom(data);
      let obj;
      try {
        obj = JSON.parse(data, options ? options.reviver : null);
      } catch (err) {
        if (shouldThrow) {
          err.message = `${file}: ${err.message}`;
          throw err;
        } else {
          return null;
        }
      }
      return obj;
    }
    var readFile = universalify.fromPromise(_readFile);
    function readFileSync(file, options = {}) {
      if (typeof options === "string") {
        options = { encoding: options };
      }
      const fs2 = options.fs || _fs;
      const shouldThrow = "throws" in options ? options.throws : true;
      try {
        let content = fs2.readFileSync(file, options);
        content = stripBom(content);
        return JSON.parse(content, options.reviver);
      } catch (err) {
        if (shouldThrow) {
          err.message = `${file}: ${err.message}`;
          throw err;
        } else {
          return null;
        }
      }
    }
    async function _writeFile(file, obj, options = {}) {
      const fs2 = options.fs || _fs;
      const str = stringify(obj, options);
      await universalify.fromCallback(fs2.writeFile)(file, str, options);
    }
    var writeFile = universalify.fromPromise(_writeFile);
    function writeFileSync(file, obj, options = {}) {
      const fs2 = options.fs || _fs;
      const str = stringify(obj, options);
      return fs2.writeFileSync(file, str, options);
    }
    module.exports = {
      readFile,
      readFileSync,
      writeFile,
      writeFileSync
    };
  }
});

// node_modules/fs-extra/lib/json/jsonfile.js
var require_jsonfile2 = __commonJS({
  "node_modules/fs-extra/lib/json/jsonfile.js"(exports, module) {
    "use strict";
    var jsonFile = require_jsonfile();
    module.exports = {
      // jsonfile exports
      readJson: jsonFile.readFile,
      readJsonSync: jsonFile.readFileSync,
      writeJson: jsonFile.writeFile,
      writeJsonSync: jsonFile.writeFileSync
    };
  }
});

// node_modules/fs-extra/lib/output-file/index.js
var require_output_file = __commonJS({
  "node_modules/fs-extra/lib/output-file/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var fs2 = require_fs();
    var path = __require("path");
    var mkdir = require_mkdirs();
    var pathExists = require_path_exists().pathExists;
    async function outputFile(file, data, encoding = "utf-8") {
      const dir = path.dirname(file);
      if (!await pathExists(dir)) {
        await mkdir.mkdirs(dir);
      }
      return fs2.writeFile(file, data, encoding);
    }
    function outputFileSync(file, ...args) {
      const dir = path.dirname(file);
      if (!fs2.existsSync(dir)) {
        mkdir.mkdirsSync(dir);
      }
      fs2.writeFileSync(file, ...args);
    }
    module.exports = {
      outputFile: u(outputFile),
      outputFileSync
    };
  }
});

// node_modules/fs-extra/lib/json/output-json.js
var require_output_json = __commonJS({
  "node_modules/fs-extra/lib/json/output-json.js"(exports, module) {
    "use strict";
    var { stringify } = require_utils2();
    var { outputFile } = require_output_file();
    async function outputJson(file, data, options = {}) {
      const str = stringify(data, options);
      await outputFile(file, str, options);
    }
    module.exports = outputJson;
  }
});

// node_modules/fs-extra/lib/json/output-json-sync.js
var require_output_json_sync = __commonJS({
  "node_modules/fs-extra/lib/json/output-json-sync.js"(exports, module) {
    "use strict";
    var { stringify } = require_utils2();
    var { outputFileSync } = require_output_file();
    function outputJsonSync(file, data, options) {
      const str = stringify(data, options);
      outputFileSync(file, str, options);
    }
    module.exports = outputJsonSync;
  }
});

// node_modules/fs-extra/lib/json/index.js
var require_json = __commonJS({
  "node_modules/fs-extra/lib/json/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    var jsonFile = require_jsonfile2();
    jsonFile.outputJson = u(require_output_json());
    jsonFile.outputJsonSync = require_output_json_sync();
    jsonFile.outputJSON = jsonFile.outputJson;
    jsonFile.outputJSONSync = jsonFile.outputJsonSync;
    jsonFile.writeJSON = jsonFile.writeJson;
    jsonFile.writeJSONSync = jsonFile.writeJsonSync;
    jsonFile.readJSON = jsonFile.readJson;
    jsonFile.readJSONSync = jsonFile.readJsonSync;
    module.exports = jsonFile;
  }
});

// node_modules/fs-extra/lib/move/move.js
var require_move = __commonJS({
  "node_modules/fs-extra/lib/move/move.js"(exports, module) {
    "use strict";
    var fs2 = require_fs();
    var path = __require("path");
    var { copy } = require_copy2();
    var { remove } = require_remove();
    var { mkdirp } = require_mkdirs();
    var { pathExists } = require_path_exists();
    var stat = require_stat();
    async function move(src, dest, opts = {}) {
      const overwrite = opts.overwrite || opts.clobber || false;
      const { srcStat, isChangingCase = false } = await stat.checkPaths(src, dest, "move", opts);
      await stat.checkParentPaths(src, srcStat, dest, "move");
      const destParent = path.dirname(dest);
      const parsedParentPath = path.parse(destParent);
      if (parsedParentPath.root !== destParent) {
        await mkdirp(destParent);
      }
      return doRename(src, dest, overwrite, isChangingCase);
    }
    async function doRename(src, dest, overwrite, isChangingCase) {
      if (!isChangingCase) {
        if (overwrite) {
          await remove(dest);
        } else if (await pathExists(dest)) {
          throw new Error("dest already exists.");
        }
      }
      try {
        await fs2.rename(src, dest);
      } catch (err) {
        if (err.code !== "EXDEV") {
          throw err;
        }
        await moveAcrossDevice(src, dest, overwrite);
      }
    }
    async function moveAcrossDevice(src, dest, overwrite) {
      const opts = {
        overwrite,
        errorOnExist: true,
        preserveTimestamps: true
      };
      await copy(src, dest, opts);
      return remove(src);
    }
    module.exports = move;
  }
});

// node_modules/fs-extra/lib/move/move-sync.js
var require_move_sync = __commonJS({
  "node_modules/fs-extra/lib/move/move-sync.js"(exports, module) {
    "use strict";
    var fs2 = require_graceful_fs();
    var path = __require("path");
    var copySync = require_copy2().copySync;
    var removeSync = require_remove().removeSync;
    var mkdirpSync = require_mkdirs().mkdirpSync;
    var stat = require_stat();
    function moveSync(src, dest, opts) {
      opts = opts || {};
      const overwrite = opts.overwrite || opts.clobber || false;
      const { srcStat, isChangingCase = false } = stat.checkPathsSync(src, dest, "move", opts);
      stat.checkParentPathsSync(src, srcStat, dest, "move");
      if (!isParentRoot(dest)) mkdirpSync(path.dirname(dest));
      return doRename(src, dest, overwrite, isChangingCase);
    }
    function isParentRoot(dest) {
      const parent = path.dirname(dest);
      const parsedPath = path.parse(parent);
      return parsedPath.root === parent;
    }
    function doRename(src, dest, overwrite, isChangingCase) {
      if (isChangingCase) return rename(src, dest, overwrite);
      if (overwrite) {
        removeSync(dest);
        return rename(src, dest, overwrite);
      }
      if (fs2.existsSync(dest)) throw new Error("dest already exists.");
      return rename(src, dest, overwrite);
    }
    function rename(src, dest, overwrite) {
      try {
        fs2.renameSync(src, dest);
      } catch (err) {
        if (err.code !== "EXDEV") throw err;
        return moveAcrossDevice(src, dest, overwrite);
      }
    }
    function moveAcrossDevice(src, dest, overwrite) {
      const opts = {
        overwrite,
        errorOnExist: true,
        preserveTimestamps: true
      };
      copySync(src, dest, opts);
      return removeSync(src);
    }
    module.exports = moveSync;
  }
});

// node_modules/fs-extra/lib/move/index.js
var require_move2 = __commonJS({
  "node_modules/fs-extra/lib/move/index.js"(exports, module) {
    "use strict";
    var u = require_universalify().fromPromise;
    module.exports = {
      move: u(require_move()),
      moveSync: require_move_sync()
    };
  }
});

// node_modules/fs-extra/lib/index.js
var require_lib = __commonJS({
  "node_modules/fs-extra/lib/index.js"(exports, module) {
    "use strict";
    module.exports = {
      // Export promiseified graceful-fs:
      ...require_fs(),
      // Export extra methods:
      ...require_copy2(),
      ...require_empty(),
      ...require_ensure(),
      ...require_json(),
      ...require_mkdirs(),
      ...require_move2(),
      ...require_output_file(),
      ...require_path_exists(),
      ...require_remove()
    };
  }
});

// node_modules/@cdktf/hcl2json/lib/deepmerge.js
var require_deepmerge = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/deepmerge.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.deepMerge = void 0;
    function deepMerge(target, ...sources) {
      for (const source of sources) {
        if (typeof source !== "object" || typeof target !== "object") {
          throw new Error(`Invalid usage. Both source (${JSON.stringify(source)}) and target (${JSON.stringify(target)}) must be objects`);
        }
        for (const key of Object.keys(source)) {
          const value = source[key];
          if (typeof value === "object" && value != null && !Array.isArray(value)) {
            if (typeof target[key] !== "object") {
              target[key] = {};
            }
            deepMerge(target[key], value);
            const output = target[key];
            if (typeof output === "object" && Object.keys(output).length === 0) {
              delete target[key];
            }
          } else if (typeof value === "object" && value != null && Array.isArray(value)) {
            if (Array.isArray(target[key])) {
              target[key] = [...target[key], ...value];
            } else {
              target[key] = value;
            }
          } else if (value === void 0) {
            delete target[key];
          } else {
            target[key] = value;
          }
        }
      }
      return target;
    }
    exports.deepMerge = deepMerge;
  }
});

// node_modules/@cdktf/hcl2json/lib/syntax-tree.js
var require_syntax_tree = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/syntax-tree.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getChildWithValue = exports.isIndexTraversalPart = exports.isNameTraversalPart = exports.isObjectExpression = exports.isTupleExpression = exports.isBinaryOpExpression = exports.isUnaryOpExpression = exports.isConditionalExpression = exports.isSplatExpression = exports.isIndexExpression = exports.isLiteralValueExpression = exports.isRelativeTraversalExpression = exports.isScopeTraversalExpression = exports.isFunctionCallExpression = exports.isTemplateExpression = exports.isTemplateWrapExpression = exports.isForExpression = void 0;
    function isForExpression(ast) {
      return ast.type === "for";
    }
    exports.isForExpression = isForExpression;
    function isTemplateWrapExpression(ast) {
      return ast.type === "templateWrap";
    }
    exports.isTemplateWrapExpression = isTemplateWrapExpression;
    function isTemplateExpression(ast) {
      return ast.type === "template";
    }
    exports.isTemplateExpression = isTemplateExpression;
    function isFunctionCallExpression(ast) {
      return ast.type === "function";
    }
    exports.isFunctionCallExpression = isFunctionCallExpression;
    function isScopeTraversalExpression(ast) {
      return ast.type === "scopeTraversal";
    }
    exports.isScopeTraversalExpression = isScopeTraversalExpression;
    function isRelativeTraversalExpression(ast) {
      return ast.type === "relativeTraversal";
    }
    exports.isRelativeTraversalExpression = isRelativeTraversalExpression;
    function isLiteralValueExpression(ast) {
      return ast.type === "literalValue";
    }
    exports.isLiteralValueExpression = isLiteralValueExpression;
    function isIndexExpression(ast) {
      return ast.type === "index";
    }
    exports.isIndexExpression = isIndexExpression;
    function isSplatExpression(ast) {
      return ast.type === "splat";
    }
    exports.isSplatExpression = isSplatExpression;
    function isConditionalExpression(ast) {
      return ast.type === "conditional";
    }
    exports.isConditionalExpression = isConditionalExpression;
    function isUnaryOpExpression(ast) {
      return ast.type === "unaryOp";
    }
    exports.isUnaryOpExpression = isUnaryOpExpression;
    function isBinaryOpExpression(ast) {
      return ast.type === "binaryOp";
    }
    exports.isBinaryOpExpression = isBinaryOpExpression;
    function isTupleExpression(ast) {
      return ast.type === "tuple";
    }
    exports.isTupleExpression = isTupleExpression;
    function isObjectExpression(part) {
      return part.type === "object";
    }
    exports.isObjectExpression = isObjectExpression;
    function isNameTraversalPart(part) {
      return part.type === "nameTraversal";
    }
    exports.isNameTraversalPart = isNameTraversalPart;
    function isIndexTraversalPart(part) {
      return part.type === "indexTraversal";
    }
    exports.isIndexTraversalPart = isIndexTraversalPart;
    function getChildWithValue(node, value) {
      if (!node.children) {
        return null;
      }
      return node.children.find((child) => {
        if (!child.meta)
          return false;
        return child.meta.value === value;
      });
    }
    exports.getChildWithValue = getChildWithValue;
  }
});

// node_modules/@cdktf/hcl2json/lib/references.js
var require_references = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/references.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.findAllReferencesInAst = exports.traversalToReference = void 0;
    var syntax_tree_1 = require_syntax_tree();
    function traversalToReference(traversalExpression, localVariables) {
      const meta = traversalExpression.meta;
      function onlyTakeTraversalPartsUntilFirstBracketPropertyAccess(traversals) {
        let filtered = [];
        let index = 0;
        for (const traversal of traversals) {
          if ("segment" in traversal) {
            if (index === 0) {
              if (localVariables === null || localVariables === void 0 ? void 0 : localVariables.includes(traversal.segment)) {
                return [];
              }
            }
            filtered.push(traversal);
          } else {
            return filtered;
          }
        }
        return filtered;
      }
      const filteredParts = onlyTakeTraversalPartsUntilFirstBracketPropertyAccess(meta.traversal);
      if (filteredParts.length === 0) {
        return null;
      }
      const startPosition = filteredParts[0].range.start.byte;
      const endPosition = filteredParts[filteredParts.length - 1].range.end.byte;
      return {
        value: filteredParts.map((part) => part.segment).join("."),
        startPosition,
        endPosition
      };
    }
    exports.traversalToReference = traversalToReference;
    function findAllReferencesInAst(input, entry, localVariables) {
      if (!entry) {
        return [];
      }
      switch (entry.type) {
        case "scopeTraversal": {
          const reference = traversalToReference(entry, localVariables);
          if (reference)
            return [reference];
          return [];
        }
        case "for": {
          const meta = entry.meta;
          const additionalLocalVariables = [
            meta.keyVar,
            meta.valVar,
            ...localVariables || []
          ];
          return [
            ...findAllReferencesInAst(input, (0, syntax_tree_1.getChildWithValue)(entry, meta.collectionExpression), additionalLocalVariables),
            ...findAllReferencesInAst(input, (0, syntax_tree_1.getChildWithValue)(entry, meta.conditionalExpression), additionalLocalVariables)
          ];
        }
        default:
          return entry.children.map((child) => findAllReferencesInAst(input, child, localVariables)).flat();
      }
    }
    exports.findAllReferencesInAst = findAllReferencesInAst;
  }
});

// node_modules/@cdktf/hcl2json/lib/util.js
var require_util = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.wrapTerraformExpression = exports.replaceQuotes = void 0;
    function replaceQuotes(input) {
      const fullyQuotedMatch = /^(\s*")(.*)("\s*)$/.exec(input);
      const hasTemplate = /(?<!\$)\$\{/.test(input);
      if (fullyQuotedMatch !== null && !hasTemplate) {
        return `${fullyQuotedMatch[1]}${fullyQuotedMatch[2].replace(/"/g, `\\"`)}${fullyQuotedMatch[3]}`;
      }
      return input;
    }
    exports.replaceQuotes = replaceQuotes;
    function wrapTerraformExpression(input) {
      input = replaceQuotes(input);
      if (!isNaN(Number(input))) {
        return { wrap: input, wrapOffset: 0 };
      }
      if (input === "true" || input === "false") {
        return { wrap: input, wrapOffset: 0 };
      }
      if (input.startsWith(`"`)) {
        if (input.indexOf("\n") >= 0) {
          const trimWrapped = input.substring(1, input.length - 1);
          return {
            wrap: `<<EOE
${trimWrapped}
EOE
`,
            wrapOffset: 5
          };
        }
        return { wrap: input, wrapOffset: 0 };
      }
      if (input.startsWith("[") || input.startsWith("{")) {
        return { wrap: input, wrapOffset: 0 };
      }
      if (input.startsWith("<<")) {
        if (!input.endsWith("\n")) {
          return { wrap: input + "\n", wrapOffset: 0 };
        }
        return { wrap: input, wrapOffset: 0 };
      }
      return { wrap: `"${input}"`, wrapOffset: 1 };
    }
    exports.wrapTerraformExpression = wrapTerraformExpression;
  }
});

// node_modules/@cdktf/hcl2json/wasm/wasm_exec.js
var require_wasm_exec = __commonJS({
  "node_modules/@cdktf/hcl2json/wasm/wasm_exec.js"() {
    "use strict";
    (() => {
      const enosys = () => {
        const err = new Error("not implemented");
        err.code = "ENOSYS";
        return err;
      };
      if (!globalThis.fs) {
        let outputBuf = "";
        globalThis.fs = {
          constants: { O_WRONLY: -1, O_RDWR: -1, O_CREAT: -1, O_TRUNC: -1, O_APPEND: -1, O_EXCL: -1 },
          // unused
          writeSync(fd, buf) {
            outputBuf += decoder.decode(buf);
            const nl = outputBuf.lastIndexOf("\n");
            if (nl != -1) {
              console.log(outputBuf.substr(0, nl));
              outputBuf = outputBuf.substr(nl + 1);
            }
            return buf.length;
          },
          write(fd, buf, offset, length, position, callback) {
            if (offset !== 0 || length !== buf.length || position !== null) {
              callback(enosys());
              return;
            }
            const n = this.writeSync(fd, buf);
            callback(null, n);
          },
          chmod(path, mode, callback) {
            callback(enosys());
          },
          chown(path, uid, gid, callback) {
            callback(enosys());
          },
          close(fd, callback) {
            callback(enosys());
          },
          fchmod(fd, mode, callback) {
            callback(enosys());
          },
          fchown(fd, uid, gid, callback) {
            callback(enosys());
          },
          fstat(fd, callback) {
            callback(enosys());
          },
          fsync(fd, callback) {
            callback(null);
          },
          ftruncate(fd, length, callback) {
            callback(enosys());
          },
          lchown(path, uid, gid, callback) {
            callback(enosys());
          },
          link(path, link, callback) {
            callback(enosys());
          },
          lstat(path, callback) {
            callback(enosys());
          },
          mkdir(path, perm, callback) {
            callback(enosys());
          },
          open(path, flags, mode, callback) {
            callback(enosys());
          },
          read(fd, buffer, offset, length, position, callback) {
            callback(enosys());
          },
          readdir(path, callback) {
            callback(enosys());
          },
          readlink(path, callback) {
            callback(enosys());
          },
          rename(from, to, callback) {
            callback(enosys());
          },
          rmdir(path, callback) {
            callback(enosys());
          },
          stat(path, callback) {
            callback(enosys());
          },
          symlink(path, link, callback) {
            callback(enosys());
          },
          truncate(path, length, callback) {
            callback(enosys());
          },
          unlink(path, callback) {
            callback(enosys());
          },
          utimes(path, atime, mtime, callback) {
            callback(enosys());
          }
        };
      }
      if (!globalThis.process) {
        globalThis.process = {
          getuid() {
            return -1;
          },
          getgid() {
            return -1;
          },
          geteuid() {
            return -1;
          },
          getegid() {
            return -1;
          },
          getgroups() {
            throw enosys();
          },
          pid: -1,
          ppid: -1,
          umask() {
            throw enosys();
          },
          cwd() {
            throw enosys();
          },
          chdir() {
            throw enosys();
          }
        };
      }
      if (!globalThis.crypto) {
        throw new Error("globalThis.crypto is not available, polyfill required (crypto.getRandomValues only)");
      }
      if (!globalThis.performance) {
        throw new Error("globalThis.performance is not available, polyfill required (performance.now only)");
      }
      if (!globalThis.TextEncoder) {
        throw new Error("globalThis.TextEncoder is not available, polyfill required");
      }
      if (!globalThis.TextDecoder) {
        throw new Error("globalThis.TextDecoder is not available, polyfill required");
      }
      const encoder = new TextEncoder("utf-8");
      const decoder = new TextDecoder("utf-8");
      globalThis.Go = class {
        constructor() {
          this.argv = ["js"];
          this.env = {};
          this.exit = (code) => {
            if (code !== 0) {
              console.warn("exit code:", code);
            }
          };
          this._exitPromise = new Promise((resolve) => {
            this._resolveExitPromise = resolve;
          });
          this._pendingEvent = null;
          this._scheduledTimeouts = /* @__PURE__ */ new Map();
          this._nextCallbackTimeoutID = 1;
          const setInt64 = (addr, v) => {
            this.mem.setUint32(addr + 0, v, true);
            this.mem.setUint32(addr + 4, Math.floor(v / 4294967296), true);
          };
          const getInt64 = (addr) => {
            const low = this.mem.getUint32(addr + 0, true);
            const high = this.mem.getInt32(addr + 4, true);
            return low + high * 4294967296;
          };
          const loadValue = (addr) => {
            const f = this.mem.getFloat64(addr, true);
            if (f === 0) {
              return void 0;
            }
            if (!isNaN(f)) {
              return f;
            }
            const id = this.mem.getUint32(addr, true);
            return this._values[id];
          };
          const storeValue = (addr, v) => {
            const nanHead = 2146959360;
            if (typeof v === "number" && v !== 0) {
              if (isNaN(v)) {
                this.mem.setUint32(addr + 4, nanHead, true);
                this.mem.setUint32(addr, 0, true);
                return;
              }
              this.mem.setFloat64(addr, v, true);
              return;
            }
            if (v === void 0) {
              this.mem.setFloat64(addr, 0, true);
              return;
            }
            let id = this._ids.get(v);
            if (id === void 0) {
              id = this._idPool.pop();
              if (id === void 0) {
                id = this._values.length;
              }
              this._values[id] = v;
              this._goRefCounts[id] = 0;
              this._ids.set(v, id);
            }
            this._goRefCounts[id]++;
            let typeFlag = 0;
            switch (typeof v) {
              case "object":
                if (v !== null) {
                  typeFlag = 1;
                }
                break;
              case "string":
                typeFlag = 2;
                break;
              case "symbol":
                typeFlag = 3;
                break;
              case "function":
                typeFlag = 4;
                break;
            }
            this.mem.setUint32(addr + 4, nanHead | typeFlag, true);
            this.mem.setUint32(addr, id, true);
          };
          const loadSlice = (addr) => {
            const array = getInt64(addr + 0);
            const len = getInt64(addr + 8);
            return new Uint8Array(this._inst.exports.mem.buffer, array, len);
          };
          const loadSliceOfValues = (addr) => {
            const array = getInt64(addr + 0);
            const len = getInt64(addr + 8);
            const a = new Array(len);
            for (let i = 0; i < len; i++) {
              a[i] = loadValue(array + i * 8);
            }
            return a;
          };
          const loadString = (addr) => {
            const saddr = getInt64(addr + 0);
            const len = getInt64(addr + 8);
            return decoder.decode(new DataView(this._inst.exports.mem.buffer, saddr, len));
          };
          const timeOrigin = Date.now() - performance.now();
          this.importObject = {
            go: {
              // Go's SP does not change as long as no Go code is running. Some operations (e.g. calls, getters and setters)
              // may synchronously trigger a Go event handler. This makes Go code get executed in the middle of the imported
              // function. A goroutine can switch to a new stack if the current stack is too small (see morestack function).
              // This changes the SP, thus we have to update the SP used by the imported function.
              // func wasmExit(code int32)
              "runtime.wasmExit": (sp) => {
                sp >>>= 0;
                const code = this.mem.getInt32(sp + 8, true);
                this.exited = true;
                delete this._inst;
                delete this._values;
                delete this._goRefCounts;
                delete this._ids;
                delete this._idPool;
                this.exit(code);
              },
              // func wasmWrite(fd uintptr, p unsafe.Pointer, n int32)
              "runtime.wasmWrite": (sp) => {
                sp >>>= 0;
                const fd = getInt64(sp + 8);
                const p = getInt64(sp + 16);
                const n = this.mem.getInt32(sp + 24, true);
                fs.writeSync(fd, new Uint8Array(this._inst.exports.mem.buffer, p, n));
              },
              // func resetMemoryDataView()
              "runtime.resetMemoryDataView": (sp) => {
                sp >>>= 0;
                this.mem = new DataView(this._inst.exports.mem.buffer);
              },
              // func nanotime1() int64
              "runtime.nanotime1": (sp) => {
                sp >>>= 0;
                setInt64(sp + 8, (timeOrigin + performance.now()) * 1e6);
              },
              // func walltime() (sec int64, nsec int32)
              "runtime.walltime": (sp) => {
                sp >>>= 0;
                const msec = (/* @__PURE__ */ new Date()).getTime();
                setInt64(sp + 8, msec / 1e3);
                this.mem.setInt32(sp + 16, msec % 1e3 * 1e6, true);
              },
              // func scheduleTimeoutEvent(delay int64) int32
              "runtime.scheduleTimeoutEvent": (sp) => {
                sp >>>= 0;
                const id = this._nextCallbackTimeoutID;
                this._nextCallbackTimeoutID++;
                this._scheduledTimeouts.set(id, setTimeout(
                  () => {
                    this._resume();
                    while (this._scheduledTimeouts.has(id)) {
                      console.warn("scheduleTimeoutEvent: missed timeout event");
                      this._resume();
                    }
                  },
                  getInt64(sp + 8) + 1
                  // setTimeout has been seen to fire up to 1 millisecond early
                ));
                this.mem.setInt32(sp + 16, id, true);
              },
              // func clearTimeoutEvent(id int32)
              "runtime.clearTimeoutEvent": (sp) => {
                sp >>>= 0;
                const id = this.mem.getInt32(sp + 8, true);
                clearTimeout(this._scheduledTimeouts.get(id));
                this._scheduledTimeouts.delete(id);
              },
              // func getRandomData(r []byte)
              "runtime.getRandomData": (sp) => {
                sp >>>= 0;
                crypto.getRandomValues(loadSlice(sp + 8));
              },
              // func finalizeRef(v ref)
              "syscall/js.finalizeRef": (sp) => {
                sp >>>= 0;
                const id = this.mem.getUint32(sp + 8, true);
                this._goRefCounts[id]--;
                if (this._goRefCounts[id] === 0) {
                  const v = this._values[id];
                  this._values[id] = null;
                  this._ids.delete(v);
                  this._idPool.push(id);
                }
              },
              // func stringVal(value string) ref
              "syscall/js.stringVal": (sp) => {
                sp >>>= 0;
                storeValue(sp + 24, loadString(sp + 8));
              },
              // func valueGet(v ref, p string) ref
              "syscall/js.valueGet": (sp) => {
                sp >>>= 0;
                const result = Reflect.get(loadValue(sp + 8), loadString(sp + 16));
                sp = this._inst.exports.getsp() >>> 0;
                storeValue(sp + 32, result);
              },
              // func valueSet(v ref, p string, x ref)
              "syscall/js.valueSet": (sp) => {
                sp >>>= 0;
                Reflect.set(loadValue(sp + 8), loadString(sp + 16), loadValue(sp + 32));
              },
              // func valueDelete(v ref, p string)
              "syscall/js.valueDelete": (sp) => {
                sp >>>= 0;
                Reflect.deleteProperty(loadValue(sp + 8), loadString(sp + 16));
              },
              // func valueIndex(v ref, i int) ref
              "syscall/js.valueIndex": (sp) => {
                sp >>>= 0;
                storeValue(sp + 24, Reflect.get(loadValue(sp + 8), getInt64(sp + 16)));
              },
              // valueSetIndex(v ref, i int, x ref)
              "syscall/js.valueSetIndex": (sp) => {
                sp >>>= 0;
                Reflect.set(loadValue(sp + 8), getInt64(sp + 16), loadValue(sp + 24));
              },
              // func valueCall(v ref, m string, args []ref) (ref, bool)
              "syscall/js.valueCall": (sp) => {
                sp >>>= 0;
                try {
                  const v = loadValue(sp + 8);
                  const m = Reflect.get(v, loadString(sp + 16));
                  const args = loadSliceOfValues(sp + 32);
                  const result = Reflect.apply(m, v, args);
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 56, result);
                  this.mem.setUint8(sp + 64, 1);
                } catch (err) {
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 56, err);
                  this.mem.setUint8(sp + 64, 0);
                }
              },
              // func valueInvoke(v ref, args []ref) (ref, bool)
              "syscall/js.valueInvoke": (sp) => {
                sp >>>= 0;
                try {
                  const v = loadValue(sp + 8);
                  const args = loadSliceOfValues(sp + 16);
                  const result = Reflect.apply(v, void 0, args);
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 40, result);
                  this.mem.setUint8(sp + 48, 1);
                } catch (err) {
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 40, err);
                  this.mem.setUint8(sp + 48, 0);
                }
              },
              // func valueNew(v ref, args []ref) (ref, bool)
              "syscall/js.valueNew": (sp) => {
                sp >>>= 0;
                try {
                  const v = loadValue(sp + 8);
                  const args = loadSliceOfValues(sp + 16);
                  const result = Reflect.construct(v, args);
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 40, result);
                  this.mem.setUint8(sp + 48, 1);
                } catch (err) {
                  sp = this._inst.exports.getsp() >>> 0;
                  storeValue(sp + 40, err);
                  this.mem.setUint8(sp + 48, 0);
                }
              },
              // func valueLength(v ref) int
              "syscall/js.valueLength": (sp) => {
                sp >>>= 0;
                setInt64(sp + 16, parseInt(loadValue(sp + 8).length));
              },
              // valuePrepareString(v ref) (ref, int)
              "syscall/js.valuePrepareString": (sp) => {
                sp >>>= 0;
                const str = encoder.encode(String(loadValue(sp + 8)));
                storeValue(sp + 16, str);
                setInt64(sp + 24, str.length);
              },
              // valueLoadString(v ref, b []byte)
              "syscall/js.valueLoadString": (sp) => {
                sp >>>= 0;
                const str = loadValue(sp + 8);
                loadSlice(sp + 16).set(str);
              },
              // func valueInstanceOf(v ref, t ref) bool
              "syscall/js.valueInstanceOf": (sp) => {
                sp >>>= 0;
                this.mem.setUint8(sp + 24, loadValue(sp + 8) instanceof loadValue(sp + 16) ? 1 : 0);
              },
              // func copyBytesToGo(dst []byte, src ref) (int, bool)
              "syscall/js.copyBytesToGo": (sp) => {
                sp >>>= 0;
                const dst = loadSlice(sp + 8);
                const src = loadValue(sp + 32);
                if (!(src instanceof Uint8Array || src instanceof Uint8ClampedArray)) {
                  this.mem.setUint8(sp + 48, 0);
                  return;
                }
                const toCopy = src.subarray(0, dst.length);
                dst.set(toCopy);
                setInt64(sp + 40, toCopy.length);
                this.mem.setUint8(sp + 48, 1);
              },
              // func copyBytesToJS(dst ref, src []byte) (int, bool)
              "syscall/js.copyBytesToJS": (sp) => {
                sp >>>= 0;
                const dst = loadValue(sp + 8);
                const src = loadSlice(sp + 16);
                if (!(dst instanceof Uint8Array || dst instanceof Uint8ClampedArray)) {
                  this.mem.setUint8(sp + 48, 0);
                  return;
                }
                const toCopy = src.subarray(0, dst.length);
                dst.set(toCopy);
                setInt64(sp + 40, toCopy.length);
                this.mem.setUint8(sp + 48, 1);
              },
              "debug": (value) => {
                console.log(value);
              }
            }
          };
        }
        async run(instance) {
          if (!(instance instanceof WebAssembly.Instance)) {
            throw new Error("Go.run: WebAssembly.Instance expected");
          }
          this._inst = instance;
          this.mem = new DataView(this._inst.exports.mem.buffer);
          this._values = [
            // JS values that Go currently has references to, indexed by reference id
            NaN,
            0,
            null,
            true,
            false,
            globalThis,
            this
          ];
          this._goRefCounts = new Array(this._values.length).fill(Infinity);
          this._ids = /* @__PURE__ */ new Map([
            // mapping from JS values to reference ids
            [0, 1],
            [null, 2],
            [true, 3],
            [false, 4],
            [globalThis, 5],
            [this, 6]
          ]);
          this._idPool = [];
          this.exited = false;
          let offset = 4096;
          const strPtr = (str) => {
            const ptr = offset;
            const bytes = encoder.encode(str + "\0");
            new Uint8Array(this.mem.buffer, offset, bytes.length).set(bytes);
            offset += bytes.length;
            if (offset % 8 !== 0) {
              offset += 8 - offset % 8;
            }
            return ptr;
          };
          const argc = this.argv.length;
          const argvPtrs = [];
          this.argv.forEach((arg) => {
            argvPtrs.push(strPtr(arg));
          });
          argvPtrs.push(0);
          const keys = Object.keys(this.env).sort();
          keys.forEach((key) => {
            argvPtrs.push(strPtr(`${key}=${this.env[key]}`));
          });
          argvPtrs.push(0);
          const argv = offset;
          argvPtrs.forEach((ptr) => {
            this.mem.setUint32(offset, ptr, true);
            this.mem.setUint32(offset + 4, 0, true);
            offset += 8;
          });
          const wasmMinDataAddr = 4096 + 8192;
          if (offset >= wasmMinDataAddr) {
            throw new Error("total length of command line and environment variables exceeds limit");
          }
          this._inst.exports.run(argc, argv);
          if (this.exited) {
            this._resolveExitPromise();
          }
          await this._exitPromise;
        }
        _resume() {
          if (this.exited) {
            throw new Error("Go program has already exited");
          }
          this._inst.exports.resume();
          if (this.exited) {
            this._resolveExitPromise();
          }
        }
        _makeFuncWrapper(id) {
          const go = this;
          return function() {
            const event = { id, this: this, args: arguments };
            go._pendingEvent = event;
            go._resume();
            return event.result;
          };
        }
      };
    })();
  }
});

// node_modules/@cdktf/hcl2json/wasm/bridge_wasm_exec.js
var require_bridge_wasm_exec = __commonJS({
  "node_modules/@cdktf/hcl2json/wasm/bridge_wasm_exec.js"() {
    "use strict";
    globalThis.require = __require;
    globalThis.fs = __require("fs");
    globalThis.TextEncoder = __require("util").TextEncoder;
    globalThis.TextDecoder = __require("util").TextDecoder;
    globalThis.performance ??= __require("performance");
    if (!globalThis.crypto) {
      const crypto2 = __require("crypto");
      globalThis.crypto = {
        getRandomValues(b) {
          return crypto2.randomFillSync(b);
        }
      };
    }
    require_wasm_exec();
  }
});

// node_modules/@cdktf/hcl2json/lib/bridge.js
var require_bridge = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/bridge.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.getExpressionAst = exports.getReferencesInExpression = exports.convertFiles = exports.parse = void 0;
    var fs2 = __importStar(require_lib());
    var path_1 = __require("path");
    var deepmerge_1 = require_deepmerge();
    var zlib_1 = __require("zlib");
    var references_1 = require_references();
    var util_1 = require_util();
    var jsRoot = {};
    function sleep() {
      return new Promise((resolve) => {
        setTimeout(resolve, 0);
      });
    }
    function goBridge(getBytes) {
      let ready = false;
      async function init() {
        await Promise.resolve().then(() => __importStar(require_bridge_wasm_exec()));
        const go = new global.Go();
        const bytes = await getBytes;
        const result = await WebAssembly.instantiate(bytes, go.importObject);
        global.__parse_terraform_config_wasm__ = jsRoot;
        void go.run(result.instance);
        ready = true;
      }
      init().catch((error) => {
        throw error;
      });
      const proxy = new Proxy({}, {
        get: (_, key) => {
          return async (...args) => {
            while (!ready) {
              await sleep();
            }
            if (!(key in jsRoot)) {
              throw new Error(`There is nothing defined with the name "${key.toString()}"`);
            }
            if (typeof jsRoot[key] !== "function") {
              return jsRoot[key];
            }
            return new Promise((resolve, reject) => {
              const cb = (err, ...msg) => (
                // eslint-disable-next-line @typescript-eslint/ban-ts-comment
                // @ts-ignore
                err ? reject(new Error(err)) : resolve(...msg)
              );
              const run = () => {
                jsRoot[key].apply(void 0, [...args, cb]);
              };
              run();
            });
          };
        }
      });
      return proxy;
    }
    var loadWasm = async () => {
      return await fs2.readFile((0, path_1.join)(__dirname, "main.wasm"));
    };
    var wasm = goBridge(loadWasm());
    async function parse(filename, contents) {
      const res = await wasm.parse(filename, contents);
      return JSON.parse(res);
    }
    exports.parse = parse;
    async function convertFiles(workingDirectory) {
      let tfFileContents = "";
      const tfJSONFileContents = [];
      for (const file of fs2.readdirSync(workingDirectory)) {
        const filePath = (0, path_1.resolve)(workingDirectory, file);
        if (!fs2.lstatSync(filePath).isDirectory()) {
          if (file.match(/\.tf$/)) {
            tfFileContents += fs2.readFileSync(filePath, "utf-8");
            tfFileContents += "\n";
          } else if (file.match(/\.tf\.json$/)) {
            tfJSONFileContents.push(JSON.parse(fs2.readFileSync(filePath, "utf-8")));
          }
        }
      }
      if (tfFileContents === "" && tfJSONFileContents.length === 0) {
        console.error(`No '.tf' or '.tf.json' files found in ${workingDirectory}`);
        return {};
      }
      return (0, deepmerge_1.deepMerge)(await parse("hcl2json.tf", tfFileContents), ...tfJSONFileContents);
    }
    exports.convertFiles = convertFiles;
    async function getReferencesInExpression(filename, expression) {
      let offset = 0;
      let quoteWrappedExpression = expression;
      if (!expression.startsWith('"')) {
        quoteWrappedExpression = `"${expression}"`;
        offset = 1;
      }
      const { wrap: wrappedExpression, wrapOffset: startOffset } = (0, util_1.wrapTerraformExpression)(`${quoteWrappedExpression}`);
      offset += startOffset;
      const ast = await getExpressionAst(filename, wrappedExpression);
      if (!ast) {
        return [];
      }
      const refs = (0, references_1.findAllReferencesInAst)(expression, ast);
      if (wrappedExpression === expression) {
        return refs;
      }
      return refs.map((ref) => {
        return {
          ...ref,
          startPosition: ref.startPosition - offset,
          endPosition: ref.endPosition - offset
        };
      });
    }
    exports.getReferencesInExpression = getReferencesInExpression;
    async function getExpressionAst(filename, expression) {
      const res = await wasm.getExpressionAst(filename, expression);
      const ast = JSON.parse(res);
      if (!ast) {
        return null;
      }
      return ast;
    }
    exports.getExpressionAst = getExpressionAst;
  }
});

// node_modules/@cdktf/hcl2json/lib/index.js
var require_lib2 = __commonJS({
  "node_modules/@cdktf/hcl2json/lib/index.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.TFExpressionSyntaxTree = exports.wrapTerraformExpression = exports.getExpressionAst = exports.getReferencesInExpression = exports.convertFiles = exports.parse = void 0;
    var bridge_1 = require_bridge();
    Object.defineProperty(exports, "parse", { enumerable: true, get: function() {
      return bridge_1.parse;
    } });
    Object.defineProperty(exports, "convertFiles", { enumerable: true, get: function() {
      return bridge_1.convertFiles;
    } });
    Object.defineProperty(exports, "getReferencesInExpression", { enumerable: true, get: function() {
      return bridge_1.getReferencesInExpression;
    } });
    Object.defineProperty(exports, "getExpressionAst", { enumerable: true, get: function() {
      return bridge_1.getExpressionAst;
    } });
    var util_1 = require_util();
    Object.defineProperty(exports, "wrapTerraformExpression", { enumerable: true, get: function() {
      return util_1.wrapTerraformExpression;
    } });
    exports.TFExpressionSyntaxTree = __importStar(require_syntax_tree());
  }
});

// checks/environments/check-environments.ts
import { posix as posix2 } from "node:path";

// checks/environments/blocks.ts
var NETWORK_TYPES = /* @__PURE__ */ new Set([
  "aws_vpc_peering_connection",
  "aws_vpc_peering_connection_accepter",
  "aws_ec2_transit_gateway_vpc_attachment",
  "aws_ec2_transit_gateway_peering_attachment",
  "aws_ec2_transit_gateway_route",
  "aws_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
  "aws_vpc_security_group_egress_rule",
  "aws_network_acl",
  "aws_network_acl_rule",
  "aws_route",
  "google_compute_network_peering",
  "google_compute_firewall",
  "azurerm_virtual_network_peering",
  "azurerm_network_security_rule",
  "kubernetes_network_policy",
  "kubernetes_network_policy_v1",
  "AWS::EC2::VPCPeeringConnection",
  "AWS::EC2::TransitGatewayAttachment",
  "AWS::EC2::TransitGatewayVpcAttachment",
  "AWS::EC2::TransitGatewayPeeringAttachment",
  "AWS::EC2::SecurityGroup",
  "AWS::EC2::SecurityGroupIngress",
  "AWS::EC2::SecurityGroupEgress",
  "AWS::EC2::NetworkAclEntry",
  "AWS::EC2::Route",
  "NetworkPolicy",
  "CiliumNetworkPolicy"
]);
function isNetworkBlock(block) {
  return NETWORK_TYPES.has(block.type);
}
function isHclPath(path) {
  return /\.(tf|tfvars|hcl|tfbackend)$/.test(path);
}
function isYamlPath(path) {
  return /\.ya?ml$/.test(path);
}
function lineContexts(path, lines) {
  if (path.endsWith(".tfbackend")) return lines.map(() => ({ backend: "file" }));
  if (isHclPath(path)) return hclContexts(lines);
  if (isYamlPath(path)) return yamlContexts(lines);
  return lines.map(() => ({}));
}
function hclContexts(lines) {
  const contexts = [];
  const stack = [];
  const modes = [];
  let heredoc;
  let inBlockComment = false;
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const context = contextOf(stack);
    contexts.push(context);
    if (heredoc !== void 0) {
      if (line.trim() === heredoc) heredoc = void 0;
      return;
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      const next = line[i + 1];
      const mode = modes.at(-1);
      if (inBlockComment) {
        if (c === "*" && next === "/") {
          inBlockComment = false;
          i++;
        }
        continue;
      }
      if (mode?.kind === "string") {
        if (c === "\\") i++;
        else if (c === '"') modes.pop();
        else if (c === "$" && next === "{") {
          modes.push({ kind: "interpolation", depth: 0 });
          i++;
        }
        continue;
      }
      if (c === '"') modes.push({ kind: "string" });
      else if (c === "#" || c === "/" && next === "/") break;
      else if (c === "/" && next === "*") {
        inBlockComment = true;
        i++;
      } else if (c === "<" && next === "<" && !mode) {
        const marker = /^<<-?\s*([A-Za-z_]\w*)\s*$/.exec(line.slice(i));
        if (marker?.[1]) {
          heredoc = marker[1];
          break;
        }
      } else if (c === "{") {
        if (mode) mode.depth++;
        else openHclBlock(stack, line.slice(0, i), lineNumber, context);
      } else if (c === "}") {
        if (mode && mode.depth > 0) mode.depth--;
        else if (mode) modes.pop();
        else closeHclBlock(stack, lineNumber);
      }
    }
  });
  return contexts;
}
var RESOURCE_HEADER = /^\s*(resource|data)\s+"([^"]+)"\s+"([^"]+)"\s*$/;
var NAMED_HEADER = /^\s*(module|provider|variable|output|locals|terraform)\b(?:\s+"([^"]*)")?\s*$/;
var BACKEND_HEADER = /^\s*backend\s+"([^"]+)"\s*$/;
function openHclBlock(stack, header, line, context) {
  const open = {};
  const backend = BACKEND_HEADER.exec(header);
  if (backend?.[1]) {
    open.backend = backend[1];
    context.backend ??= backend[1];
  }
  if (stack.length === 0) {
    const resource = RESOURCE_HEADER.exec(header);
    const named = NAMED_HEADER.exec(header);
    const type = resource ? resource[1] === "data" ? `data.${resource[2]}` : resource[2] : named?.[1];
    const name = resource ? resource[3] : named?.[2];
    open.block = { type: type ?? "block", name: name ?? "", startLine: line, endLine: line };
    context.block ??= open.block;
  }
  stack.push(open);
}
function closeHclBlock(stack, line) {
  const closed = stack.pop();
  if (closed?.block) closed.block.endLine = line;
}
function contextOf(stack) {
  const context = {};
  const block = stack[0]?.block;
  if (block) context.block = block;
  const backend = stack.find((open) => open.backend)?.backend;
  if (backend) context.backend = backend;
  return context;
}
var YAML_KEY = /^([A-Za-z_][\w.-]*)\s*:(.*)$/;
function yamlContexts(lines) {
  const blocks = [];
  let documentStart = 1;
  let kind;
  let objectName = "";
  let topKey = "";
  let resourceIndent;
  let resource;
  let lastContent = 0;
  const closeDocument = () => {
    if (kind) blocks.push({ type: kind, name: objectName, startLine: documentStart, endLine: Math.max(documentStart, lastContent) });
    kind = void 0;
    objectName = "";
  };
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (/^---/.test(line)) {
      closeDocument();
      documentStart = lineNumber;
      topKey = "";
      return;
    }
    const text = line.trimStart();
    if (!text || text.startsWith("#")) return;
    lastContent = lineNumber;
    const indent = line.length - text.length;
    const key = YAML_KEY.exec(text);
    const name = key?.[1] ?? "";
    const value = (key?.[2] ?? "").trim().replace(/^["']|["']$/g, "");
    if (indent === 0) {
      topKey = name;
      resourceIndent = void 0;
      resource = void 0;
      if (name === "kind") kind = value;
      return;
    }
    if (topKey === "metadata" && name === "name" && !objectName) objectName = value;
    if (topKey !== "Resources") return;
    resourceIndent ??= indent;
    if (indent === resourceIndent && key) {
      resource = { type: "resource", name, startLine: lineNumber, endLine: lineNumber };
      blocks.push(resource);
    } else if (resource && indent > resourceIndent) {
      resource.endLine = lineNumber;
      if (name === "Type" && resource.type === "resource") resource.type = value;
    }
  });
  closeDocument();
  return lines.map((_, index) => {
    const line = index + 1;
    const inside = blocks.filter((block2) => block2.startLine <= line && line <= block2.endLine);
    const block = inside.sort((a, b) => a.endLine - a.startLine - (b.endLine - b.startLine))[0];
    return block ? { block } : {};
  });
}

// checks/environments/environments.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var PRODUCTION_NAMES = ["prod", "production", "prd"];
var ALIASES = {
  production: PRODUCTION_NAMES,
  staging: ["staging", "stage", "stg"],
  development: ["dev", "development"]
};
var NOT_ENVIRONMENTS = /* @__PURE__ */ new Set(["base", "bases", "common", "shared", "global", "modules", "module", "templates", "components", "terraform"]);
function isProductionName(name) {
  return name.toLowerCase().split(/[-_.]/).some((part) => PRODUCTION_NAMES.includes(part));
}
function canonicalName(name) {
  const lower = name.toLowerCase();
  return Object.entries(ALIASES).find(([, spellings]) => spellings.includes(lower))?.[0] ?? lower;
}
function resolveEnvironments(config, files, manifests = []) {
  if (config.environments && declaresEnvironments(config)) {
    const environments = Object.entries(config.environments).map(([name, declared]) => ({
      name,
      production: isProductionName(name),
      paths: declared.paths,
      identifiers: declared.identifiers,
      source: "declared"
    }));
    const notes = environments.some((env) => env.production) ? [] : ["environments: no declared environment is named prod, production or prd; references between environments are graded medium"];
    return { environments, notes };
  }
  return inferEnvironments(files, manifests);
}
function declaresEnvironments(config) {
  return Object.keys(config.environments ?? {}).length > 0;
}
var NAMESPACE_LINE = /^\s*namespace:\s*["']?([A-Za-z0-9-]+)["']?\s*(#.*)?$/gm;
function manifestNamespaces(text) {
  if (!/^kind:/m.test(text)) return [];
  return [...new Set([...text.matchAll(NAMESPACE_LINE)].map((match) => (match[1] ?? "").toLowerCase()))];
}
var FOLDER_LAYOUT = /^(.*?(?:^|\/)(?:envs|environments|overlays)\/([^/]+))\//;
var FOLDER_WORDS = /* @__PURE__ */ new Set([...Object.values(ALIASES).flat(), "qa", "uat", "preprod"]);
function environmentFolder(path) {
  const folders = path.split("/").slice(0, -1);
  const index = folders.findIndex((folder) => FOLDER_WORDS.has(folder.toLowerCase()));
  const name = folders[index];
  return name === void 0 ? void 0 : [path, folders.slice(0, index + 1).join("/"), name];
}
var TFVARS = /^(?:.*\/)?([^/]+?)(?:\.auto)?\.tfvars(?:\.json)?$/;
var ENVIRONMENT_WORDS = /* @__PURE__ */ new Set([...Object.values(ALIASES).flat(), "qa", "uat", "test", "sandbox", "preprod"]);
function inferEnvironments(files, manifests = []) {
  const found = /* @__PURE__ */ new Map();
  const add = (spelling, glob) => {
    const name = canonicalName(spelling);
    if (NOT_ENVIRONMENTS.has(name)) return;
    const entry = found.get(name) ?? { spellings: /* @__PURE__ */ new Set(), paths: /* @__PURE__ */ new Set() };
    entry.spellings.add(spelling.toLowerCase());
    entry.paths.add(glob);
    found.set(name, entry);
  };
  for (const file of files) {
    const match = FOLDER_LAYOUT.exec(file) ?? environmentFolder(file);
    if (match?.[1] && match[2]) add(match[2], `${escapeGlob(match[1])}/**`);
  }
  const byFolder = new Set(found.keys());
  for (const file of files) {
    const name = TFVARS.exec(file)?.[1];
    const claimed = [...found.values()].some((entry) => [...entry.paths].some((glob) => glob.endsWith("/**") && file.startsWith(unescapeGlob(glob.slice(0, -2)))));
    if (name && !claimed && (byFolder.has(canonicalName(name)) || readsLikeEnvironment(name))) add(name, escapeGlob(file));
  }
  for (const { path, namespaces } of manifests) {
    const names = new Set(namespaces.map(canonicalName));
    const [name] = names;
    const spelling = namespaces[0];
    if (names.size === 1 && name && spelling && (found.has(name) || ENVIRONMENT_WORDS.has(spelling))) add(spelling, escapeGlob(path));
  }
  const environments = [...found.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, entry]) => ({
    name,
    production: isProductionName(name),
    paths: [...entry.paths].sort(),
    identifiers: { accounts: [], vpcs: [], cidrs: [], domains: [], names: [], namespaces: [...entry.spellings].sort() },
    source: "inferred"
  }));
  if (environments.length === 0) {
    return { environments, notes: ["environments: none declared in the config and none found in the layout (envs/<name>/, environments/<name>/, overlays/<name>/, prod/ staging/ dev/ folders, <name>.tfvars, namespaces); separation not checked"] };
  }
  const notes = [
    `environments: none declared in the config; inferred from the layout: ${environments.map((env) => `${env.name}${env.production ? " (production)" : ""} = ${env.paths.join(", ")}; namespaces ${env.identifiers.namespaces.join(", ")}`).join("; ")}`
  ];
  if (!environments.some((env) => env.production)) {
    notes.push("environments: no inferred environment is named prod, production or prd; references between environments are graded medium");
  }
  return { environments, notes };
}
function readsLikeEnvironment(name) {
  return name.toLowerCase().split(/[-_]/).some((part) => ENVIRONMENT_WORDS.has(part.replace(/\d+$/, "")));
}
function unescapeGlob(glob) {
  return glob.replace(/\\(.)/g, "$1");
}
function escapeGlob(path) {
  return path.replace(/[*?[\]{}()!+@\\]/g, "\\$&");
}
function createClassifier(model) {
  const matchers = model.environments.map((env) => ({
    env,
    isMatch: env.paths.length ? (0, import_picomatch.default)(env.paths, { dot: true }) : () => false
  }));
  return (path) => matchers.filter((matcher) => matcher.isMatch(path)).map((matcher) => matcher.env);
}

// checks/infra/suppressions.ts
var IGNORE = /(?:#|\/\/)\s*hipaa-guard:ignore\s+([A-Za-z0-9_*-]+)(.*)$/;
var COMMENT_OR_BLANK = /^\s*(#|\/\/|$)/;
function readSuppressions(text) {
  const lines = text.split("\n");
  const suppressions = [];
  lines.forEach((line, index) => {
    const match = IGNORE.exec(line);
    if (!match) return;
    const options = match[2] ?? "";
    const reason = /reason="([^"]*)"/.exec(options)?.[1]?.trim();
    const until = /until=(\S+)/.exec(options)?.[1];
    let target = index + 1;
    while (target < lines.length && COMMENT_OR_BLANK.test(lines[target] ?? "")) target++;
    suppressions.push({
      ruleId: match[1],
      line: index + 1,
      target: target + 1,
      ...reason ? { reason } : {},
      ...until ? { until } : {}
    });
  });
  return suppressions;
}
function suppressionProblem(suppression, today) {
  if (!suppression.reason) return `suppression of ${suppression.ruleId} has no reason; write reason="..."`;
  if (suppression.until === void 0) return void 0;
  if (!isCalendarDate(suppression.until)) {
    return `suppression of ${suppression.ruleId} has until=${suppression.until}; expected a date as YYYY-MM-DD`;
  }
  if (suppression.until < today) return `suppression of ${suppression.ruleId} expired on ${suppression.until}`;
  return void 0;
}
function isCalendarDate(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}
function applySuppressions(path, text, findings, blocks, now) {
  const lines = text.split("\n");
  return applySuppressionList(path, readSuppressions(text), findings, blocks, now, (line) => lines[line - 1]?.trim());
}
function applySuppressionList(path, suppressions, findings, blocks, now, lineText = () => void 0) {
  const today = now.toISOString().slice(0, 10);
  const result = { findings: [], suppressed: [] };
  const valid = [];
  for (const suppression of suppressions) {
    const problem = suppressionProblem(suppression, today);
    if (!problem) {
      valid.push(suppression);
      continue;
    }
    const text = lineText(suppression.line);
    result.findings.push(
      makeFinding(SUPPRESSION_INVALID_RULE, {
        message: problem,
        location: { kind: "file", path, startLine: suppression.line, endLine: suppression.line },
        subject: `${path}#${suppression.ruleId}#${suppression.target}`,
        ...text === void 0 ? {} : { evidence: { actual: text } }
      })
    );
  }
  for (const finding of findings) {
    const covering = valid.find((suppression) => covers(suppression, finding, blocks));
    if (!covering) {
      result.findings.push(finding);
      continue;
    }
    result.suppressed.push({
      finding,
      reason: covering.reason,
      ...covering.until ? { until: covering.until } : {},
      source: { kind: "file", path, startLine: covering.line, endLine: covering.line }
    });
  }
  return result;
}
function covers(suppression, finding, blocks) {
  if (finding.location.kind !== "file" || suppression.ruleId !== finding.ruleId) return false;
  const line = finding.location.startLine;
  if (line === suppression.target) return true;
  return blocks.some((block) => block.startLine === suppression.target && block.startLine <= line && line <= block.endLine);
}

// checks/environments/facts.ts
var STATE_LOCATION_KEYS = ["key", "prefix", "path", "workspace_key_prefix"];
var BACKEND_KEYS = ["bucket", "storage_account_name", "container_name", "resource_group_name", "organization", "hostname", ...STATE_LOCATION_KEYS];
function hasStateLocation(backend) {
  return STATE_LOCATION_KEYS.some((key) => backend.fields[key] !== void 0);
}
var DATA_STORE = /(db|database|rds|aurora|postgres|pg|mysql|mariadb|redis|cache|mongo|search|kafka|broker|queue|amqp|sql)/;
var HOST_SUFFIX = /(host|hostname|endpoint|url|uri|address|dsn|server)$/;
var NAMED_TYPES = {
  aws_secretsmanager_secret: "secret",
  aws_ssm_parameter: "secret",
  aws_eks_cluster: "cluster",
  aws_ecs_cluster: "cluster",
  aws_kms_alias: "KMS key",
  google_container_cluster: "cluster",
  google_storage_bucket: "bucket",
  azurerm_key_vault: "secret",
  azurerm_kubernetes_cluster: "cluster",
  "AWS::SecretsManager::Secret": "secret",
  "AWS::EKS::Cluster": "cluster",
  "AWS::ECS::Cluster": "cluster",
  Namespace: "namespace"
};
function normalizeKey(key) {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}
function definingKey(key, block, path, indent) {
  const k = normalizeKey(key);
  if (k === "namespace" && indent === 0 && /(^|\/)kustomization\.ya?ml$/.test(path)) {
    return { kind: "namespace", label: "namespace", shareable: false };
  }
  const namedLabel = block ? NAMED_TYPES[block.type] : void 0;
  if (namedLabel && (k === "name" || k === "aliasname")) {
    return namedLabel === "namespace" ? { kind: "namespace", label: "namespace", shareable: false } : { kind: "name", label: namedLabel, shareable: true };
  }
  if (/^(source|destination)/.test(k)) return void 0;
  if (/(cidr|cidrblock)$/.test(k) || k === "addressspace" || k === "ipcidrrange") {
    return { kind: "cidr", label: "network range", shareable: false };
  }
  if (k === "vpcid" || k === "transitgatewayid") return { kind: "vpc", label: k === "vpcid" ? "VPC" : "transit gateway", shareable: true };
  if (k === "accountid" || k === "allowedaccountids" || k === "awsaccountid") return { kind: "account", label: "cloud account", shareable: true };
  if (/(identifier|dbinstanceidentifier|dbclusteridentifier)$/.test(k)) return { kind: "name", label: "database", shareable: true };
  if (DATA_STORE.test(k) && HOST_SUFFIX.test(k)) return { kind: "domain", label: "data store host", shareable: true };
  if (/(bucket|bucketname)$/.test(k)) return { kind: "name", label: "bucket", shareable: true };
  if (/^(kmskeyid|kmskeyarn|kmsmasterkeyid|kmskey|kmskeyname)$/.test(k)) return { kind: "name", label: "KMS key", shareable: true };
  if (/(secretid|secretarn|secretname)$/.test(k)) return { kind: "name", label: "secret", shareable: true };
  if (/(cluster|clustername|clusterarn)$/.test(k)) return { kind: "name", label: "cluster", shareable: true };
  return void 0;
}
var HCL_HEADER = /^\s*(resource|data|module|variable|output|provider)\s+"/;
function isSpecificName(value) {
  return /[^A-Za-z]/.test(value) || value.length >= 10;
}
var KEY_LINE = /^(\s*)(?:-\s+)?["']?([A-Za-z_][\w./-]*)["']?\s*[:=](?!=)\s*(.*)$/;
var TOKEN = /[A-Za-z0-9][\w.:/@-]*/g;
var QUOTED = /"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
var HOST = /^(?=.{4,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
function collectFileFacts(path, text) {
  const lines = text.split(/\r?\n/);
  const contexts = lineContexts(path, lines);
  const hcl = isHclPath(path);
  const syntax = hcl ? "hcl" : isYamlPath(path) ? "yaml" : "none";
  const facts = {
    path,
    definitions: [],
    tokens: [],
    backends: [],
    suppressions: readSuppressions(text).filter((suppression) => suppression.ruleId.startsWith("ENV-")),
    blocks: [...new Set(contexts.flatMap((context) => context.block ? [context.block] : []))].map(({ startLine, endLine }) => ({ startLine, endLine }))
  };
  const backends = /* @__PURE__ */ new Map();
  let listKey;
  lines.forEach((raw, index) => {
    const line = withoutComment(raw, syntax);
    if (!line.trim()) return;
    const place = { path, line: index + 1, column: line.length - line.trimStart().length + 1 };
    const context = contexts[index] ?? {};
    const attribute = attributeOf(line, listKey);
    listKey = attribute.listKey;
    if (!(hcl && HCL_HEADER.test(line))) facts.tokens.push(...tokensOf(line, place, attribute, context.block));
    if (attribute.key === void 0) return;
    const literals = literalValues(line, attribute.valueColumn, hcl);
    if (context.backend && BACKEND_KEYS.includes(attribute.key)) {
      const id = `${context.backend}@${context.block?.startLine ?? 0}`;
      const backend = backends.get(id) ?? { type: context.backend, fields: {}, place };
      backends.set(id, backend);
      facts.definitions.push(...backendDefinitions(backend, attribute.key, literals[0], place, context.block));
      return;
    }
    const defining = context.block && isNetworkBlock(context.block) ? void 0 : definingKey(attribute.key, context.block, path, place.column - 1);
    if (defining) facts.definitions.push(...definitionsOf(defining, attribute.key, literals, place, context.block));
  });
  facts.backends = [...backends.values()];
  return facts;
}
function attributeOf(line, listKey) {
  const match = KEY_LINE.exec(line);
  const indent = line.length - line.trimStart().length;
  if (match) {
    const key = match[2] ?? "";
    const rest = match[3] ?? "";
    return { key, valueColumn: line.length - rest.length, ...rest.trim() === "" ? { listKey: { key, indent } } : {} };
  }
  if (listKey && /^\s*-\s/.test(line) && indent >= listKey.indent) return { key: listKey.key, valueColumn: line.indexOf("-") + 1, listKey };
  return { valueColumn: 0, ...listKey && indent > listKey.indent ? { listKey } : {} };
}
var NAMESPACE_KEYS = ["namespace", "namespaces", "kubernetesiometadataname"];
function tokensOf(line, place, attribute, block) {
  const namespaceKey = attribute.key !== void 0 && NAMESPACE_KEYS.includes(normalizeKey(attribute.key));
  return [...line.matchAll(TOKEN)].map((match) => {
    const column = match.index + 1;
    const inValue = attribute.key !== void 0 && column > attribute.valueColumn;
    const token = { text: match[0].replace(/[.:/-]+$/, ""), place: { ...place, column }, namespaceContext: namespaceKey && inValue };
    if (inValue && attribute.key !== void 0) token.key = attribute.key;
    if (block) token.block = block;
    return token;
  });
}
function backendDefinitions(backend, key, literal, place, block) {
  if (!literal) return [];
  backend.fields[key] = literal.value;
  if (key === "bucket") return [definition({ kind: "name", label: "state bucket", shareable: false }, key, literal, place, block)];
  if (STATE_LOCATION_KEYS.includes(key)) return [definition({ kind: "state", label: "state file", shareable: false }, key, literal, place, block)];
  return [];
}
function definitionsOf(defining, key, literals, place, block) {
  return literals.flatMap((literal) => {
    const value = defining.kind === "domain" ? hostOf(literal.value) : literal.value;
    if (value === void 0 || defining.kind === "cidr" && !/[.:]/.test(value)) return [];
    if (defining.kind === "account" && !/^\d{12}$/.test(value)) return [];
    if (defining.kind === "name" && !isSpecificName(value)) return [];
    return [definition(defining, key, { value, column: literal.column }, place, block)];
  });
}
function definition(defining, key, literal, place, block) {
  const result = { ...defining, value: literal.value, key, place: { ...place, column: literal.column } };
  if (block) result.block = block.name ? `${block.type}.${block.name}` : block.type;
  return result;
}
function literalValues(line, valueColumn, hcl) {
  const rest = line.slice(valueColumn);
  const quoted = [...rest.matchAll(QUOTED)].map((m) => ({ value: m[1] ?? m[2] ?? "", column: valueColumn + m.index + 2 }));
  const values = quoted.length || hcl ? quoted : bareScalar(rest, valueColumn);
  return values.filter((literal) => literal.value && !/\$\{|\{\{|^!/.test(literal.value));
}
function bareScalar(rest, valueColumn) {
  const value = rest.trim().replace(/,$/, "");
  if (!value || /^[[{|>&*!]/.test(value)) return [];
  return [{ value, column: valueColumn + rest.indexOf(value) + 1 }];
}
function hostOf(value) {
  const candidates = value.split(/[/:@?]/).filter(Boolean);
  return candidates.find((part) => HOST.test(part) && !/^\d+(\.\d+)*$/.test(part))?.toLowerCase();
}
function withoutComment(line, syntax) {
  if (syntax === "none") return line;
  let quote;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = void 0;
      continue;
    }
    if (c === '"' || c === "'" && syntax === "yaml") quote = c;
    const startsComment = syntax === "hcl" ? c === "#" || c === "/" && line[i + 1] === "/" : c === "#" && (i === 0 || /\s/.test(line[i - 1] ?? ""));
    if (startsComment) return line.slice(0, i);
  }
  return line;
}

// checks/environments/resolve-values.ts
import { posix } from "node:path";

// checks/infra/terraform/parse-terraform.ts
var import_hcl2json = __toESM(require_lib2(), 1);

// checks/infra/terraform/hcl-positions.ts
function locateHcl(text) {
  return new HclLocator(text).root();
}
var HclLocator = class {
  constructor(text) {
    this.text = text;
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") this.starts.push(i + 1);
  }
  text;
  starts = [0];
  root() {
    const node = { startLine: 1, endLine: Math.max(1, this.starts.length), entries: /* @__PURE__ */ new Map() };
    this.body(0, node.entries, false);
    return node;
  }
  /** Reads attributes and blocks until the closing brace (or the end); returns the offset after it. */
  body(from, entries, closing) {
    let i = from;
    for (; ; ) {
      i = this.skipBlank(i, true);
      if (i >= this.text.length) return i;
      if (this.text[i] === "}" && closing) return i + 1;
      const name = this.identifier(i);
      if (!name) {
        i = this.lineEnd(i);
        continue;
      }
      const afterName = this.skipBlank(i + name.length, false);
      if (this.text[afterName] === "=" && this.text[afterName + 1] !== "=") {
        const valueStart = this.skipBlank(afterName + 1, false);
        const valueEnd = this.expressionEnd(valueStart);
        const key = this.range(i, i + name.length);
        entries.set(name, { key, value: this.range(valueStart, valueEnd) });
        i = valueEnd;
        continue;
      }
      i = this.block(name, i, afterName, entries);
    }
  }
  /** A block `type "label" label { … }`: filed under its type, then each label, then its index. */
  block(type, start, from, entries) {
    const labels = [];
    let i = from;
    while (i < this.text.length && this.text[i] !== "{") {
      if (this.text[i] === '"') {
        const end2 = this.stringEnd(i);
        labels.push(this.text.slice(i + 1, end2 - 1));
        i = end2;
      } else {
        const label = this.identifier(i);
        if (!label) return this.lineEnd(i);
        labels.push(label);
        i += label.length;
      }
      i = this.skipBlank(i, false);
    }
    const node = { startLine: this.lineOf(start), endLine: this.lineOf(start), entries: /* @__PURE__ */ new Map() };
    const end = this.body(i + 1, node.entries, true);
    node.endLine = this.lineOf(Math.max(start, end - 1));
    let parent = entries;
    let holder;
    for (const step of [type, ...labels]) {
      holder = this.child(parent, step, node);
      parent = holder.entries ?? (holder.entries = /* @__PURE__ */ new Map());
    }
    (holder.items ??= []).push(node);
    return end;
  }
  child(entries, key, block) {
    const existing = entries.get(key);
    if (existing) {
      existing.value.endLine = Math.max(existing.value.endLine, block.endLine);
      return existing.value;
    }
    const value = { startLine: block.startLine, endLine: block.endLine };
    entries.set(key, { key: { startLine: block.startLine, endLine: block.startLine }, value });
    return value;
  }
  /** The end of an expression: the first newline or unmatched `}` outside brackets, strings and heredocs. */
  expressionEnd(from) {
    let depth = 0;
    let i = from;
    let last2 = from;
    while (i < this.text.length) {
      const c = this.text[i];
      if (c === '"') i = this.stringEnd(i);
      else if (c === "<" && this.text[i + 1] === "<" && /[-A-Za-z_]/.test(this.text[i + 2] ?? "")) i = this.heredocEnd(i);
      else if (c === "#" || c === "/" && this.text[i + 1] === "/") {
        if (depth === 0) break;
        i = this.lineEnd(i);
        continue;
      } else if (c === "/" && this.text[i + 1] === "*") {
        i = this.commentEnd(i);
        continue;
      } else if (c === "(" || c === "[" || c === "{") {
        depth++;
        i++;
      } else if (c === ")" || c === "]" || c === "}") {
        if (depth === 0) break;
        depth--;
        i++;
      } else if (c === "\n" && depth === 0) break;
      else {
        if (c !== " " && c !== "	" && c !== "\r" && c !== "\n") last2 = i;
        i++;
        continue;
      }
      last2 = i - 1;
    }
    return Math.max(from, last2) + 1;
  }
  /** From an opening quote to just after the closing one, through `${…}` templates. */
  stringEnd(from) {
    let i = from + 1;
    while (i < this.text.length) {
      const c = this.text[i];
      if (c === "\\") i += 2;
      else if (c === '"' || c === "\n") return i + 1;
      else if ((c === "$" || c === "%") && this.text[i + 1] === "{") i = this.templateEnd(i + 2);
      else i++;
    }
    return i;
  }
  templateEnd(from) {
    let depth = 1;
    let i = from;
    while (i < this.text.length && depth > 0) {
      const c = this.text[i];
      if (c === '"') i = this.stringEnd(i);
      else {
        if (c === "{") depth++;
        else if (c === "}") depth--;
        i++;
      }
    }
    return i;
  }
  /** `<<EOF` or `<<-EOF` through the line that closes it. */
  heredocEnd(from) {
    const marker = /^<<-?([A-Za-z_][A-Za-z0-9_]*)/.exec(this.text.slice(from, from + 100))?.[1];
    if (!marker) return from + 2;
    let i = this.lineEnd(from) + 1;
    while (i < this.text.length) {
      const end = this.lineEnd(i);
      if (this.text.slice(i, end).trim() === marker) return end;
      i = end + 1;
    }
    return this.text.length;
  }
  commentEnd(from) {
    const end = this.text.indexOf("*/", from + 2);
    return end < 0 ? this.text.length : end + 2;
  }
  skipBlank(from, newlines) {
    let i = from;
    while (i < this.text.length) {
      const c = this.text[i];
      if (c === " " || c === "	" || c === "\r" || newlines && c === "\n") i++;
      else if (newlines && (c === "#" || c === "/" && this.text[i + 1] === "/")) i = this.lineEnd(i);
      else if (c === "/" && this.text[i + 1] === "*") i = this.commentEnd(i);
      else break;
    }
    return i;
  }
  identifier(from) {
    return /^[A-Za-z_][A-Za-z0-9_-]*/.exec(this.text.slice(from, from + 256))?.[0];
  }
  lineEnd(from) {
    const end = this.text.indexOf("\n", from);
    return end < 0 ? this.text.length : end;
  }
  range(start, end) {
    return { startLine: this.lineOf(start), endLine: this.lineOf(Math.max(start, end - 1)) };
  }
  lineOf(offset) {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = low + high + 1 >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
};

// checks/infra/terraform/terraform-json.ts
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
function body(value) {
  if (!isObject(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (isObject(item)) return [key, [body(item)]];
      if (Array.isArray(item) && item.length && item.every(isObject)) return [key, item.map(body)];
      return [key, item];
    })
  );
}
var bodies = (value) => Array.isArray(value) ? value.map(body) : [body(value)];
function labelled(value, depth) {
  if (depth === 0) return bodies(value);
  return isObject(value) ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, labelled(item, depth - 1)])) : {};
}
var LABELS = { resource: 2, data: 2, variable: 1, output: 1, module: 1, provider: 1, locals: 0, moved: 0, terraform: 0 };
function parseTerraformJson(text) {
  const document = parseYamlDocuments(text)[0];
  const raw = document?.value;
  const positions = document?.positions ?? { startLine: 1, endLine: 1 };
  const normalized = isObject(raw) ? Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, labelled(value, LABELS[key] ?? 0)])) : {};
  return {
    body: normalized,
    // The normalized path has a list index where the JSON may hold a single object: skip it there.
    locate: (path) => {
      const steps = [];
      let current = raw;
      for (const step of path) {
        if (typeof step === "number" && !Array.isArray(current)) continue;
        steps.push(step);
        current = Array.isArray(current) ? current[step] : isObject(current) ? current[String(step)] : void 0;
      }
      return locate(positions, steps);
    }
  };
}

// checks/infra/terraform/parse-terraform.ts
var MAX_HCL_NESTING = 500;
function findExcessiveNesting(text) {
  let line = 1;
  let depth = 0;
  let unaryRun = 0;
  let conditionals = 0;
  for (const char of text) {
    if (char === "\n") {
      line++;
      conditionals = 0;
    } else if (char === "(" || char === "[" || char === "{") {
      depth++;
    } else if (char === ")" || char === "]" || char === "}") {
      depth = Math.max(0, depth - 1);
    } else if (char === "?") {
      conditionals++;
    }
    if (char === "!" || char === "-") unaryRun++;
    else if (char !== " " && char !== "	") unaryRun = 0;
    if (depth > MAX_HCL_NESTING || unaryRun > MAX_HCL_NESTING || conditionals > MAX_HCL_NESTING) {
      return { line, message: `expressions nest deeper than ${MAX_HCL_NESTING} levels; the file was not parsed` };
    }
  }
  return void 0;
}
async function parseTerraformModule(files) {
  const parsed = await Promise.all(files.map(async (file) => parseFile(file)));
  const ok = parsed.filter((result) => !("error" in result));
  const scope = collectScope(ok);
  const moves = collectMoves(ok);
  return parsed.map((result) => {
    if ("error" in result) return result.error;
    return { ok: true, path: result.path, format: "terraform", resources: resourcesOf(result, scope, moves) };
  });
}
async function parseFile(file) {
  const failed = (line, message) => ({ error: { ok: false, path: file.path, format: "terraform", line, message } });
  if (file.path.endsWith(".json")) {
    try {
      return { path: file.path, ...parseTerraformJson(file.text) };
    } catch (error) {
      if (error instanceof YamlSyntaxError) return failed(error.line, error.message);
      throw error;
    }
  }
  const tooDeep = findExcessiveNesting(file.text);
  if (tooDeep) return failed(tooDeep.line, tooDeep.message);
  try {
    const parsed = await (0, import_hcl2json.parse)(file.path, file.text);
    const body2 = file.text.includes("jsonencode") ? await expandJsonencode(parsed, file.path) : parsed;
    const positions = locateHcl(file.text);
    return { path: file.path, body: body2, locate: (path) => locate(positions, path) };
  } catch (error) {
    const described = describeHclError(error instanceof Error ? error.message : String(error));
    return failed(described.line, described.message);
  }
}
var JSONENCODE = /^\$\{\s*jsonencode\(([\s\S]*)\)\s*\}$/;
async function expandJsonencode(value, path) {
  if (typeof value === "string") {
    const inner = JSONENCODE.exec(value)?.[1];
    if (!inner) return value;
    try {
      return (await (0, import_hcl2json.parse)(path, `value = ${inner}
`)).value ?? value;
    } catch {
      return value;
    }
  }
  if (Array.isArray(value)) return Promise.all(value.map((item) => expandJsonencode(item, path)));
  if (value !== null && typeof value === "object") {
    const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await expandJsonencode(item, path)]));
    return Object.fromEntries(entries);
  }
  return value;
}
function describeHclError(message) {
  const match = /:(\d+),\d+(?:-\d+(?:,\d+)?)?: ([^\]]*)/.exec(message);
  if (!match) return { line: 1, message: message.replace(/^parse config: /, "") };
  return { line: Number(match[1]), message: match[2].trim() };
}
function blocksOf(body2, type) {
  const value = body2[type];
  return value !== null && typeof value === "object" ? value : {};
}
function firstBody(value) {
  const first = Array.isArray(value) ? value[0] : value;
  return first !== null && typeof first === "object" ? first : void 0;
}
function collectScope(files) {
  const scope = { variables: /* @__PURE__ */ new Map(), locals: /* @__PURE__ */ new Map() };
  for (const file of files) {
    for (const [name, declaration] of Object.entries(blocksOf(file.body, "variable"))) {
      const block = firstBody(declaration) ?? {};
      scope.variables.set(name, { hasDefault: "default" in block, value: block.default });
    }
    const locals = file.body.locals;
    for (const block of Array.isArray(locals) ? locals : []) {
      for (const [name, value] of Object.entries(block)) scope.locals.set(name, value);
    }
  }
  return scope;
}
function collectMoves(files) {
  const moves = /* @__PURE__ */ new Map();
  const address = (value) => typeof value === "string" ? value.replace(/^\$\{(.*)\}$/, "$1") : void 0;
  for (const file of files) {
    const blocks = file.body.moved;
    for (const block of Array.isArray(blocks) ? blocks : []) {
      const from = address(block.from);
      const to = address(block.to);
      if (from && to) moves.set(to, [...moves.get(to) ?? [], from]);
    }
  }
  for (const [to, froms] of moves) {
    const all = new Set(froms);
    for (const from of all) for (const earlier of moves.get(from) ?? []) all.add(earlier);
    moves.set(to, [...all]);
  }
  return moves;
}
function resourcesOf(file, scope, moves) {
  const resources = [];
  for (const [type, named] of Object.entries(blocksOf(file.body, "resource"))) {
    for (const [name, instances] of Object.entries(named)) {
      const body2 = firstBody(instances);
      if (!body2) continue;
      const prefix = ["resource", type, name, 0];
      const address = `${type}.${name}`;
      const movedFrom = moves.get(address);
      resources.push({
        address,
        type,
        format: "terraform",
        path: file.path,
        range: file.locate(prefix),
        values: withDynamicBlocks(resolveValue(body2, scope, /* @__PURE__ */ new Set())),
        locate: (path) => file.locate([...prefix, ...path]),
        ...movedFrom ? { movedFrom } : {}
      });
    }
  }
  return resources.sort((a, b) => a.range.startLine - b.range.startLine);
}
function withDynamicBlocks(values) {
  const dynamic = values.dynamic;
  if (dynamic === null || typeof dynamic !== "object") return values;
  const result = { ...values };
  for (const name of Object.keys(dynamic)) result[name] ??= unresolved(`dynamic "${name}"`);
  return result;
}
var WHOLE_REFERENCE = /^\$\{\s*((?:var|local)\.[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\s*\}$/;
var INTERPOLATION = /\$\{([^{}]*)\}/g;
function resolveValue(value, scope, seen) {
  if (typeof value === "string") return resolveString(value, scope, seen);
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, scope, seen));
  if (value !== null && typeof value === "object" && !isUnresolved(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveValue(item, scope, seen)]));
  }
  return value;
}
function resolveString(text, scope, seen) {
  if (!text.includes("${")) return text;
  const whole = WHOLE_REFERENCE.exec(text);
  if (whole) return resolveReference(whole[1], scope, seen) ?? unresolved(text);
  let resolvable = true;
  const replaced = text.replace(INTERPOLATION, (match, expression) => {
    const reference = WHOLE_REFERENCE.exec(`\${${expression.trim()}}`)?.[1];
    const value = reference ? resolveReference(reference, scope, seen) : void 0;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
    resolvable = false;
    return match;
  });
  return resolvable && !replaced.includes("${") ? replaced : unresolved(text);
}
function resolveReference(reference, scope, seen) {
  const [kind, name, ...attributes] = reference.split(".");
  if (!name || seen.has(`${kind}.${name}`)) return void 0;
  let raw;
  if (kind === "var") {
    const variable = scope.variables.get(name);
    if (!variable?.hasDefault) return void 0;
    raw = variable.value;
  } else {
    if (!scope.locals.has(name)) return void 0;
    raw = scope.locals.get(name);
  }
  let value = resolveValue(raw, scope, /* @__PURE__ */ new Set([...seen, `${kind}.${name}`]));
  for (const attribute of attributes) {
    if (value === null || typeof value !== "object" || isUnresolved(value)) return void 0;
    value = value[attribute];
  }
  return isUnresolved(value) ? void 0 : value;
}

// checks/environments/resolve-values.ts
var EXPRESSION = /\b(var|local)\.[A-Za-z_][\w-]*/;
async function resolveNetworkValues(source, paths, facts) {
  const modules = /* @__PURE__ */ new Set();
  for (const file of facts.values()) {
    const usesExpression = file.tokens.some((token) => token.block && isNetworkBlock(token.block) && EXPRESSION.test(token.text));
    if (file.path.endsWith(".tf") && usesExpression) modules.add(posix.dirname(file.path));
  }
  const resolved = /* @__PURE__ */ new Map();
  for (const module of [...modules].sort()) {
    const files = await readModule(source, paths.filter((path) => path.endsWith(".tf") && posix.dirname(path) === module));
    const lines = new Map(files.map((file) => [file.path, file.text.split(/\r?\n/)]));
    let parsed;
    try {
      parsed = await parseTerraformModule(files);
    } catch {
      continue;
    }
    for (const file of parsed) {
      if (!file.ok) continue;
      const tokens = file.resources.filter((resource) => isNetworkBlock(blockOf(resource))).flatMap((resource) => tokensOf2(resource, lines.get(file.path) ?? []));
      if (tokens.length) resolved.set(file.path, tokens);
    }
  }
  return resolved;
}
async function readModule(source, paths) {
  const texts = await Promise.all(paths.map(async (path) => ({ path, text: await source.read(path).catch(() => void 0) })));
  return texts.flatMap(({ path, text }) => text === void 0 ? [] : [{ path, text }]);
}
function blockOf(resource) {
  return { type: resource.type, name: resource.address.split(".").at(-1) ?? "", ...resource.range };
}
function tokensOf2(resource, lines) {
  const tokens = [];
  const walk = (value, steps) => {
    if (isUnresolved(value)) return;
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...steps, index]));
    else if (typeof value === "object" && value !== null) for (const [key, inner] of Object.entries(value)) walk(inner, [...steps, key]);
    else if (typeof value === "string") {
      const line = resource.locate(steps).startLine;
      const expression = EXPRESSION.exec(lines[line - 1] ?? "");
      if (!expression) return;
      const key = steps.findLast((step) => typeof step === "string");
      tokens.push({
        text: value,
        place: { path: resource.path, line, column: expression.index + 1 },
        ...key ? { key } : {},
        block: blockOf(resource),
        namespaceContext: false,
        expression: expression[0]
      });
    }
  };
  walk(resource.values, []);
  return tokens;
}

// checks/environments/suppress.ts
function applyEnvironmentSuppressions(findings, facts, now) {
  const byPath = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const path = finding.location.kind === "file" ? finding.location.path : "";
    byPath.set(path, [...byPath.get(path) ?? [], finding]);
  }
  const outcome = { findings: [...byPath.get("") ?? []], suppressed: [] };
  byPath.delete("");
  for (const file of facts.values()) {
    const result = applySuppressionList(file.path, file.suppressions, byPath.get(file.path) ?? [], file.blocks, now);
    byPath.delete(file.path);
    outcome.findings.push(...result.findings);
    outcome.suppressed.push(...result.suppressed);
  }
  for (const rest of byPath.values()) outcome.findings.push(...rest);
  return outcome;
}

// checks/environments/separation.ts
var import_picomatch2 = __toESM(require_picomatch(), 1);

// checks/environments/cidr.ts
import { isIP } from "node:net";
function parseRange(text) {
  const [address = "", prefixText, ...rest] = text.split("/");
  if (rest.length) return void 0;
  const family = isIP(address);
  if (family !== 4 && family !== 6) return void 0;
  const bits = family === 4 ? 32 : 128;
  if (prefixText !== void 0 && !/^\d{1,3}$/.test(prefixText)) return void 0;
  const prefix = prefixText === void 0 ? bits : Number(prefixText);
  if (prefix > bits) return void 0;
  const value = family === 4 ? ipv4ToBigInt(address) : ipv6ToBigInt(address);
  const hostBits = BigInt(bits - prefix);
  const first = value >> hostBits << hostBits;
  return { family, first, last: first + (1n << hostBits) - 1n, prefix, text };
}
function rangesOverlap(a, b) {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}
function rangeContains(outer, inner) {
  return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}
function isCatchAll(range) {
  return range.prefix < (range.family === 4 ? 8 : 16);
}
function ipv4ToBigInt(address) {
  return address.split(".").reduce((value, octet) => value << 8n | BigInt(Number(octet)), 0n);
}
function ipv6ToBigInt(address) {
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const n = ipv4ToBigInt(v4[1]);
    text = `${text.slice(0, -v4[1].length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array(tail === void 0 ? 0 : missing).fill("0"), ...tailGroups];
  return groups.reduce((value, group) => value << 16n | BigInt(parseInt(group, 16)), 0n);
}

// checks/environments/separation.ts
function declaredKey(environment, field, value) {
  return `${environment}\0${field}\0${value}`;
}
var NETWORK_KINDS = /* @__PURE__ */ new Set(["vpc", "cidr", "account", "namespace"]);
var FIELD_KIND = {
  accounts: { kind: "account", label: "cloud account" },
  vpcs: { kind: "vpc", label: "VPC" },
  cidrs: { kind: "cidr", label: "network range" },
  domains: { kind: "domain", label: "domain" },
  namespaces: { kind: "namespace", label: "namespace" },
  names: { kind: "name", label: "resource name" }
};
function addTo(map, key, value) {
  const values = map.get(key);
  if (values) values.push(value);
  else map.set(key, [value]);
}
function fileLocation(place) {
  return { kind: "file", path: place.path, startLine: place.line, endLine: place.line };
}
function buildIndex(facts) {
  const index = { exact: /* @__PURE__ */ new Map(), patterns: [], ranges: [] };
  const byName = new Map(facts.model.environments.map((env) => [env.name, env]));
  const addExact = (owner) => {
    addTo(index.exact, owner.value.toLowerCase(), owner);
  };
  const addRange = (owner) => {
    const range = parseRange(owner.value);
    if (range && !isCatchAll(range)) index.ranges.push({ owner, range });
  };
  for (const environment of facts.model.environments) {
    for (const field of Object.keys(FIELD_KIND)) {
      const { kind, label } = FIELD_KIND[field];
      for (const value of environment.identifiers[field]) {
        const place = facts.declared[declaredKey(environment.name, field, value)];
        const owner = { environment, kind, value, label, shareable: kind === "account" || kind === "vpc", declared: true, ...place ? { place } : {} };
        if (kind === "cidr") addRange(owner);
        else if (kind === "domain" || kind === "name") {
          index.patterns.push({ owner, isMatch: (0, import_picomatch2.default)(value, { nocase: true, dot: true }) });
        } else addExact(owner);
      }
    }
  }
  for (const { environment: name, facts: file } of facts.files) {
    const environment = byName.get(name);
    if (!environment) continue;
    for (const definition2 of file.definitions) {
      if (definition2.kind === "namespace" && !readsLikeEnvironment(definition2.value)) continue;
      const owner = {
        environment,
        kind: definition2.kind,
        value: definition2.value,
        label: definition2.label,
        shareable: definition2.shareable,
        declared: false,
        place: fileLocation(definition2.place),
        column: definition2.place.column
      };
      if (definition2.kind === "cidr") addRange(owner);
      else addExact(owner);
    }
  }
  return index;
}
function evaluateSeparation(facts) {
  if (facts.model.environments.length < 2) return ambiguousFindings(facts);
  const index = buildIndex(facts);
  return dedupeSubjects([
    ...ambiguousFindings(facts),
    ...referenceFindings(facts, index),
    ...sharedResourceFindings(index, facts.configPath),
    ...sharedStateFindings(facts),
    ...overlapFindings(index, facts.configPath)
  ]);
}
function dedupeSubjects(findings) {
  const seen = /* @__PURE__ */ new Map();
  return findings.map((finding) => {
    const count = seen.get(finding.fingerprint) ?? 0;
    seen.set(finding.fingerprint, count + 1);
    return count === 0 ? finding : { ...finding, fingerprint: `${finding.fingerprint.slice(0, 28)}${String(count).padStart(4, "0")}` };
  });
}
function ambiguousFindings(facts) {
  return facts.ambiguous.map(
    ({ path, environments }) => makeFinding(ENV_AMBIGUOUS_PATH, {
      message: `${path} belongs to ${environments.join(" and ")} by their paths globs; expected exactly one environment. It is not checked for separation until one environment claims it.`,
      location: { kind: "file", path, startLine: 1, endLine: 1 },
      subject: `ambiguous|${path}|${environments.join(",")}`,
      evidence: { actual: environments, expected: "one environment" }
    })
  );
}
function candidatesOf(text, namespaceContext) {
  const parts = text.split(/[/:@]/).filter(Boolean);
  const values = [...new Set([text, ...parts].map((value) => value.toLowerCase()))];
  const labels = values.filter((value) => value.includes(".")).map((value) => value.split(".")[0] ?? value);
  const namespaces = values.flatMap((value) => /^[\w-]+\.([\w-]+)\.svc(\.|$)/.exec(value)?.[1] ?? []);
  if (namespaceContext) namespaces.push(text.toLowerCase());
  return { values, labels, namespaces };
}
function hitsOf(text, namespaceContext, home, index) {
  const { values, labels, namespaces } = candidatesOf(text, namespaceContext);
  const matches = [];
  const exactOwners = (value, kinds) => (index.exact.get(value) ?? []).filter((owner) => owner.kind === "namespace" === (kinds === "namespace"));
  const addExact = (value, owners) => {
    if (owners.some((owner) => owner.environment === home)) return;
    for (const owner of owners) matches.push({ owner, value });
  };
  for (const value of values) addExact(value, exactOwners(value, "other"));
  for (const value of labels) addExact(value, exactOwners(value, "other").filter((owner) => owner.kind === "name"));
  for (const value of namespaces) addExact(value, exactOwners(value, "namespace"));
  const patternValues = [...values, ...labels];
  const hosts = values.filter((value) => hostOf(value) === value);
  for (const { owner, isMatch } of index.patterns) {
    const candidates = owner.kind === "domain" ? hosts : patternValues;
    const value = candidates.find((candidate) => isMatch(candidate));
    if (value === void 0 || owner.environment === home) continue;
    const homeClaims = index.patterns.some((other) => other.owner.environment === home && other.owner.kind === owner.kind && other.isMatch(value));
    if (!homeClaims) matches.push({ owner, value });
  }
  const range = parseRange(text);
  if (range && !isCatchAll(range)) {
    const homeRanges = index.ranges.filter((entry) => entry.owner.environment === home);
    if (!homeRanges.some((entry) => rangeContains(entry.range, range))) {
      for (const entry of index.ranges) {
        if (entry.owner.environment !== home && rangesOverlap(entry.range, range)) matches.push({ owner: entry.owner, value: text });
      }
    }
  }
  return matches;
}
function severityFor(rule, a, b) {
  return a.production || b.production ? rule.severity : "medium";
}
function referenceFindings(facts, index) {
  const byName = new Map(facts.model.environments.map((env) => [env.name, env]));
  const findings = [];
  const cache = /* @__PURE__ */ new Map();
  for (const { environment: name, facts: file } of facts.files) {
    const home = byName.get(name);
    if (!home) continue;
    const byLineAndTarget = /* @__PURE__ */ new Map();
    for (const token of file.tokens) {
      const key = `${name}\0${token.namespaceContext ? "ns" : ""}\0${token.text}`;
      const hits = cache.get(key) ?? hitsOf(token.text, token.namespaceContext, home, index);
      cache.set(key, hits);
      for (const hit of hits) {
        addTo(byLineAndTarget, `${token.place.line}\0${hit.owner.environment.name}`, { ...hit, token });
      }
    }
    for (const matches of byLineAndTarget.values()) findings.push(referenceFinding(home, matches));
  }
  return findings;
}
function referenceFinding(home, matches) {
  const primary = [...matches].sort((a, b) => Number(a.owner.declared) - Number(b.owner.declared) || b.value.length - a.value.length)[0];
  const { token, owner } = primary;
  const target = owner.environment;
  const block = token.block;
  const blockName = block ? block.name ? `${block.type}.${block.name}` : block.type : "";
  const network = block !== void 0 && isNetworkBlock(block) && matches.some((match) => NETWORK_KINDS.has(match.owner.kind));
  const rule = network ? ENV_NETWORK_PATH : ENV_CROSS_REFERENCE;
  const what = `${target.name}'s ${owner.label} "${owner.value}"${howWritten(owner, token)}, ${placeText(owner)}`;
  const message = network ? `${home.name} opens a network path to ${target.name}: ${blockName} admits or reaches ${what}. Expected no peering, attachment, rule or policy between ${home.name} and ${target.name}.` : `${home.name} references ${what}. Expected ${home.name} files to name only ${home.name} resources.`;
  const related = uniqueLocations(matches.flatMap((match) => match.owner.place ? [match.owner.place] : []));
  const values = [...new Set(matches.map((match) => match.value))].sort();
  return makeFinding(rule, {
    message,
    location: fileLocation(token.place),
    related,
    severity: severityFor(rule, home, target),
    subject: `reference|${token.place.path}|${blockName}|${token.key ?? ""}|${home.name}->${target.name}|${values.join(",")}`,
    evidence: {
      actual: token.text,
      expected: `no ${target.name} identifiers in ${home.name} files`,
      fromEnvironment: home.name,
      toEnvironment: target.name,
      column: token.place.column,
      ...token.expression ? { expression: token.expression } : {},
      identifiers: matches.map((match) => ({ kind: match.owner.kind, value: match.value, declaredAs: match.owner.value }))
    }
  });
}
function howWritten(owner, token) {
  if (token.expression) return ` (through ${token.expression})`;
  return owner.value.toLowerCase() === token.text.toLowerCase() ? "" : ` (in "${token.text}")`;
}
function placeText(owner) {
  const where = owner.place ? `${owner.place.path}:${owner.place.startLine}` : "the config";
  return `${owner.declared ? "declared in" : "defined in"} ${where}`;
}
function uniqueLocations(locations) {
  const seen = /* @__PURE__ */ new Set();
  return locations.filter((location) => {
    const key = `${location.path}:${location.startLine}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function orderSides(a, b) {
  if (a.environment.production !== b.environment.production) return a.environment.production ? [b, a] : [a, b];
  return a.environment.name <= b.environment.name ? [a, b] : [b, a];
}
function environmentPairs(items) {
  const first = /* @__PURE__ */ new Map();
  for (const item of items) if (!first.has(item.environment.name)) first.set(item.environment.name, item);
  const representatives = [...first.values()];
  return representatives.flatMap((a, i) => representatives.slice(i + 1).map((b) => orderSides(a, b)));
}
function locationOf(owner, configPath) {
  return owner.place ?? { kind: "file", path: configPath, startLine: 1, endLine: 1 };
}
function sharedResourceFindings(index, configPath) {
  const findings = [];
  for (const owners of index.exact.values()) {
    const shareable = owners.filter((owner) => owner.shareable).sort(byPlace);
    for (const [a, b] of environmentPairs(shareable)) {
      findings.push(
        makeFinding(ENV_SHARED_RESOURCE, {
          message: `${a.environment.name} and ${b.environment.name} share the ${a.label} "${a.value}" (${placeText(b)}). Expected each environment to have its own.`,
          location: locationOf(a, configPath),
          ...b.place ? { related: [b.place] } : {},
          severity: severityFor(ENV_SHARED_RESOURCE, a.environment, b.environment),
          subject: `shared|${a.label}|${a.value.toLowerCase()}|${a.environment.name}|${b.environment.name}`,
          evidence: { actual: a.value, expected: "one resource per environment", environments: [a.environment.name, b.environment.name], ...a.column ? { column: a.column } : {} }
        })
      );
    }
  }
  return findings;
}
function byPlace(a, b) {
  const left = a.place ? `${a.place.path}\0${String(a.place.startLine).padStart(8, "0")}` : "";
  const right = b.place ? `${b.place.path}\0${String(b.place.startLine).padStart(8, "0")}` : "";
  return left.localeCompare(right);
}
function stateIdentity(backend) {
  const fields = Object.entries(backend.fields).sort(([a], [b]) => a.localeCompare(b));
  return `${backend.type === "file" ? "" : backend.type}|${fields.map(([key, value]) => `${key}=${value}`).join("|")}`;
}
function sharedStateFindings(facts) {
  const byName = new Map(facts.model.environments.map((env) => [env.name, env]));
  const groups = /* @__PURE__ */ new Map();
  for (const { environment: name, facts: file } of facts.files) {
    const environment = byName.get(name);
    if (!environment) continue;
    for (const backend of file.backends.filter(hasStateLocation)) {
      addTo(groups, stateIdentity(backend), { environment, backend });
    }
  }
  return [...groups.entries()].flatMap(
    ([identity, members]) => environmentPairs(members).map(
      ([a, b]) => makeFinding(ENV_SHARED_STATE, {
        message: `${a.environment.name} and ${b.environment.name} use the same Terraform state (${describeState(a.backend)}; also in ${b.backend.place.path}:${b.backend.place.line}). Expected a state per environment.`,
        location: fileLocation(a.backend.place),
        related: [fileLocation(b.backend.place)],
        severity: severityFor(ENV_SHARED_STATE, a.environment, b.environment),
        subject: `state|${identity}|${a.environment.name}|${b.environment.name}`,
        evidence: { actual: a.backend.fields, expected: "a state location per environment", environments: [a.environment.name, b.environment.name] }
      })
    )
  );
}
function describeState(backend) {
  const fields = Object.entries(backend.fields).map(([key, value]) => `${key} "${value}"`);
  return `${backend.type === "file" ? "backend config" : `backend "${backend.type}"`} ${fields.join(", ")}`;
}
function overlapFindings(index, configPath) {
  const byEnvironment = /* @__PURE__ */ new Map();
  for (const entry of index.ranges) addTo(byEnvironment, entry.owner.environment, entry);
  const widest = [...byEnvironment.values()].flatMap(
    (ranges) => ranges.filter((entry, i) => !ranges.some((other, j) => j !== i && rangeContains(other.range, entry.range) && (other.range.prefix < entry.range.prefix || j < i)))
  );
  const findings = [];
  widest.forEach((left, i) => {
    for (const right of widest.slice(i + 1)) {
      if (left.owner.environment === right.owner.environment || !rangesOverlap(left.range, right.range)) continue;
      const [a, b] = orderSides({ environment: left.owner.environment, entry: left }, { environment: right.owner.environment, entry: right });
      const [x, y] = [a.entry.owner, b.entry.owner];
      findings.push(
        makeFinding(ENV_CIDR_OVERLAP, {
          message: `${x.environment.name}'s network range ${x.value} overlaps ${y.environment.name}'s ${y.value} (${placeText(y)}). Expected disjoint ranges per environment.`,
          location: locationOf(x, configPath),
          ...y.place ? { related: [y.place] } : {},
          subject: `overlap|${x.environment.name}:${x.value}|${y.environment.name}:${y.value}`,
          evidence: { actual: [x.value, y.value], expected: "disjoint ranges", environments: [x.environment.name, y.environment.name] }
        })
      );
    }
  });
  return findings;
}

// checks/environments/check-environments.ts
var MAX_FILE_BYTES = 1024 * 1024;
var READ_CONCURRENCY = 16;
function isEnvironmentFile(path) {
  return /\.(tf|tfvars|hcl|tfbackend|json|ya?ml|conf|env|ini|properties|toml)$/.test(path) || /(^|\/)\.env$/.test(path);
}
async function checkEnvironments(input) {
  const { changeSet, config } = input;
  const configPath = input.configPath ?? DEFAULT_CONFIG_PATH;
  const report = emptyReport(TOOL, input.now.toISOString());
  let headPaths;
  try {
    headPaths = await changeSet.head.list();
  } catch (error) {
    report.errors.push({ category: "engine", target: "environments", message: `could not list the files at head: ${messageOf(error)}` });
    return report;
  }
  const basePaths = pathsAtBase(changeSet, headPaths);
  const allPaths = [.../* @__PURE__ */ new Set([...headPaths, ...basePaths])];
  const read = /* @__PURE__ */ new Map();
  const manifests = declaresEnvironments(config) ? [] : await unclaimedManifests(changeSet.head, headPaths, inferEnvironments(allPaths), read, report.errors);
  const model = resolveEnvironments(config, allPaths, manifests);
  report.notes.push(...model.notes);
  if (model.environments.length === 1) {
    report.notes.push(`environments: only ${model.environments[0]?.name ?? ""} is known; nothing to keep separate`);
  }
  if (model.environments.length === 0) return report;
  const classify2 = createClassifier(model);
  const declared = await declaredPlaces(changeSet, configPath, model);
  const { head, base } = await collectVersions(changeSet, headPaths, basePaths, classify2, read, report.errors);
  const evaluate = (version) => evaluateSeparation({ model, files: version.files, ambiguous: version.ambiguous, declared, configPath });
  const before = new Set(evaluate(base).map((finding) => finding.fingerprint));
  const classified = evaluate(head).map((finding) => ({ ...finding, change: before.has(finding.fingerprint) ? "existing" : "introduced" }));
  const { findings, suppressed } = applyEnvironmentSuppressions(classified, head.facts, input.now);
  report.findings = findings.sort(compareFindings);
  report.suppressed = suppressed;
  report.notes.push(
    `environments: checked ${head.files.length} files of ${model.environments.map((env) => env.name).join(", ")} at head (${base.read} re-read at base)`
  );
  return report;
}
function changedAtBase(changeSet) {
  return new Set(changeSet.changed.flatMap((file) => [file.path, ...file.previousPath ? [file.previousPath] : []]));
}
function pathsAtBase(changeSet, headPaths) {
  const changed = changedAtBase(changeSet);
  const paths = new Set(headPaths.filter((path) => !changed.has(path)));
  for (const file of changeSet.changed) {
    if (file.status === "modified" || file.status === "removed") paths.add(file.path);
    if (file.status === "renamed" && file.previousPath) paths.add(file.previousPath);
  }
  return [...paths];
}
async function unclaimedManifests(source, paths, layout, read, errors) {
  const classify2 = createClassifier(layout);
  const candidates = paths.filter((path) => isYamlPath(path) && classify2(path).length === 0).sort();
  const manifests = [];
  await forEachLimited(candidates, READ_CONCURRENCY, async (path) => {
    const text = await readText(source, path, errors, "head");
    const namespaces = text === void 0 ? [] : manifestNamespaces(text);
    if (text === void 0 || !namespaces.length) return;
    manifests.push({ path, namespaces });
    read.set(path, collectFileFacts(path, text));
  });
  return manifests.sort((a, b) => a.path.localeCompare(b.path));
}
async function collectVersions(changeSet, headPaths, basePaths, classify2, read, errors) {
  const head = await collectVersion(changeSet.head, headPaths, classify2, read, errors, "head");
  const changed = changedAtBase(changeSet);
  const unchanged = new Map([...head.facts].filter(([path]) => !changed.has(path)));
  const base = await collectVersion(changeSet.base, basePaths, classify2, unchanged, errors, "base");
  const changedModules = new Set([...changed].filter((path) => path.endsWith(".tf")).map((path) => posix2.dirname(path)));
  const inChangedModule = (path) => changedModules.has(posix2.dirname(path));
  const headResolved = await resolveNetworkValues(changeSet.head, headPaths, head.facts);
  const baseResolved = await resolveNetworkValues(changeSet.base, basePaths, new Map([...base.facts].filter(([path]) => inChangedModule(path))));
  for (const [path, tokens] of headResolved) if (!inChangedModule(path)) baseResolved.set(path, tokens);
  return { head: withResolved(head, headResolved), base: withResolved(base, baseResolved) };
}
function withResolved(version, resolved) {
  const files = version.files.map(({ environment, facts }) => {
    const extra = resolved.get(facts.path);
    return extra ? { environment, facts: { ...facts, tokens: [...facts.tokens, ...extra] } } : { environment, facts };
  });
  return { ...version, files };
}
async function collectVersion(source, paths, classify2, known, errors, version) {
  const result = { files: [], ambiguous: [], facts: /* @__PURE__ */ new Map(), read: 0 };
  const owned = paths.filter(isEnvironmentFile).map((path) => ({ path, environments: classify2(path).map((env) => env.name) })).filter((entry) => entry.environments.length > 0).sort((a, b) => a.path.localeCompare(b.path));
  result.ambiguous = owned.filter((entry) => entry.environments.length > 1);
  const single = owned.filter((entry) => entry.environments.length === 1);
  await forEachLimited(single, READ_CONCURRENCY, async ({ path }) => {
    const facts = known.get(path) ?? await readFacts(source, path, errors, version);
    if (!known.has(path)) result.read++;
    if (facts) result.facts.set(path, facts);
  });
  result.files = single.flatMap(({ path, environments: [environment = ""] }) => {
    const facts = result.facts.get(path);
    return facts ? [{ environment, facts }] : [];
  });
  return result;
}
async function readFacts(source, path, errors, version) {
  const text = await readText(source, path, errors, version);
  return text === void 0 ? void 0 : collectFileFacts(path, text);
}
async function readText(source, path, errors, version) {
  const target = version === "head" ? path : `${path} (base)`;
  let text;
  try {
    text = await source.read(path);
  } catch (error) {
    errors.push({ category: "engine", target, message: `could not read the file for the environment checks: ${messageOf(error)}` });
    return void 0;
  }
  if (text === void 0) return void 0;
  if (Buffer.byteLength(text) > MAX_FILE_BYTES) {
    errors.push({ category: "parse", target, message: `larger than ${MAX_FILE_BYTES} bytes; not checked for environment separation` });
    return void 0;
  }
  return text;
}
async function declaredPlaces(changeSet, configPath, model) {
  const places = {};
  if (!model.environments.some((env) => env.source === "declared")) return places;
  let document;
  try {
    const text = await changeSet.base.read(configPath) ?? await changeSet.head.read(configPath);
    if (text !== void 0) document = parseYaml(text);
  } catch {
    return places;
  }
  if (!document) return places;
  const { value: root, positions } = document;
  for (const env of model.environments) {
    for (const [field, values] of Object.entries(env.identifiers)) {
      values.forEach((value, index) => {
        const path = ["environments", env.name, "identifiers", field, index];
        if (valueAt2(root, path) !== value) return;
        const { startLine, endLine } = locate(positions, path);
        places[declaredKey(env.name, field, value)] = { kind: "file", path: configPath, startLine, endLine };
      });
    }
  }
  return places;
}
function valueAt2(root, path) {
  return path.reduce((node, step) => typeof node === "object" && node !== null ? node[step] : void 0, root);
}
async function forEachLimited(items, limit, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

// checks/infra/diff.ts
function diffResources(input) {
  const scopeOf2 = input.scopeOf ?? ((resource) => resource.path);
  const baseByKey = new Map(input.base.map((resource) => [`${scopeOf2(resource, "base")}#${resource.address}`, resource]));
  const matchedBase = /* @__PURE__ */ new Set();
  const pairs = input.head.map((head) => {
    const scope = scopeOf2(head, "head");
    const base = [head.address, ...head.movedFrom ?? []].map((address) => baseByKey.get(`${scope}#${address}`)).find((candidate) => candidate !== void 0 && !matchedBase.has(candidate));
    if (base) matchedBase.add(base);
    return { head, base };
  });
  const contexts = { base: { resources: input.base }, head: { resources: input.head } };
  const diff = { findings: [], unknown: [], strengthened: [] };
  for (const rule of input.rules) {
    for (const { head, base } of pairs) {
      if (appliesTo(rule, head)) classify(rule, head, base, contexts, diff);
    }
    if (!rule.removalWeakens) continue;
    for (const base of input.base) {
      if (!matchedBase.has(base) && appliesTo(rule, base)) classifyRemoval(rule, base, contexts.base, diff);
    }
  }
  return diff;
}
function appliesTo(rule, resource) {
  return rule.formats.includes(resource.format) && rule.resourceTypes.includes(resource.type);
}
function classify(rule, head, base, contexts, diff) {
  const after = rule.check(head, contexts.head);
  if (!after) return;
  const before = base ? rule.check(base, contexts.base) : void 0;
  const { path: setIn, ...lines } = head.locate(after.path);
  const location = { kind: "file", path: setIn ?? head.path, ...lines };
  const related = setIn !== void 0 && setIn !== head.path ? [{ kind: "file", path: head.path, ...head.range }] : void 0;
  if (after.verdict === "unknown") {
    diff.unknown.push({ ruleId: rule.id, location, message: `${head.address}: ${pathLabel(after.path)} depends on ${after.expression}, which could not be resolved` });
    return;
  }
  if (after.verdict === "pass") {
    if (before?.verdict === "fail" || before?.verdict === "pass" && stronger(rule, after.actual, before.actual)) {
      diff.strengthened.push({
        ruleId: rule.id,
        location,
        message: `${head.address}: ${pathLabel(after.path)} changed from ${describeValue(verdictValue(before))} to ${describeValue(after.actual)}`
      });
    }
    return;
  }
  const change = changeOf(rule, after, before, head, base);
  if (rule.onlyChanges && !rule.onlyChanges.includes(change)) return;
  diff.findings.push(findingOf(rule, head, after, location, change, before, related));
}
function changeOf(rule, after, before, head, base) {
  if (!before) return "introduced";
  if (before.verdict === "fail") return stronger(rule, before.actual, after.actual) ? "weakened" : "existing";
  if (before.verdict === "pass" && base && valueAt(base.values, after.path) !== void 0 && valueAt(head.values, after.path) === void 0) {
    return "removed";
  }
  return "weakened";
}
function findingOf(rule, head, after, location, change, before, related) {
  const evidence = { resource: head.address, actual: after.actual, expected: after.expected };
  let message = `${head.address}: ${after.message}`;
  if (change === "weakened" || change === "removed") {
    evidence.before = verdictValue(before) ?? null;
    evidence.after = after.actual;
    message += ` (was ${describeValue(verdictValue(before))})`;
  }
  return makeFinding(rule, { message, location, change, evidence, ...related ? { related } : {}, subject: `${head.path}#${head.address}#${pathLabel(after.path)}` });
}
function classifyRemoval(rule, base, context, diff) {
  const before = rule.check(base, context);
  if (before?.verdict !== "pass") return;
  diff.findings.push(
    makeFinding(rule, {
      message: `${base.address} was removed; it provided this safeguard`,
      location: { kind: "file", path: base.path, ...base.range },
      change: "removed",
      evidence: { resource: base.address, before: base.address, after: null },
      subject: `${base.path}#${base.address}#removed`
    })
  );
}
function stronger(rule, a, b) {
  const strengthA = rule.strength?.(a);
  const strengthB = rule.strength?.(b);
  return strengthA !== void 0 && strengthB !== void 0 && strengthA > strengthB;
}
function verdictValue(verdict) {
  if (!verdict) return void 0;
  if (verdict.verdict === "unknown") return verdict.expression;
  return isUnresolved(verdict.actual) ? verdict.actual.expression : verdict.actual;
}
function pathLabel(path) {
  return path.length ? path.map(String).join(".") : "resource";
}

// checks/infra/formats.ts
var import_picomatch3 = __toESM(require_picomatch(), 1);

// checks/infra/cloudformation/parse-cloudformation.ts
var FUNCTION_TAGS = ["Sub", "GetAtt", "If", "Base64", "Join", "Select", "Split", "FindInMap", "ImportValue", "Equals", "And", "Or", "Not", "GetAZs", "Cidr"];
var KINDS = ["scalar", "sequence", "mapping"];
function intrinsicTypes(tag, key, convert = (data) => data) {
  return KINDS.map((kind) => new yaml.Type(`!${tag}`, { kind, construct: (data) => ({ [key]: convert(data) }) }));
}
var CLOUDFORMATION_SCHEMA = yaml.DEFAULT_SCHEMA.extend([
  ...intrinsicTypes("Ref", "Ref"),
  ...intrinsicTypes("Condition", "Condition"),
  ...intrinsicTypes("GetAtt", "Fn::GetAtt", (data) => typeof data === "string" ? data.split(/\.(.*)/s, 2) : data),
  ...FUNCTION_TAGS.filter((tag) => tag !== "GetAtt").flatMap((tag) => intrinsicTypes(tag, `Fn::${tag}`))
]);
var CLOUDFORMATION_CONTENT = /AWSTemplateFormatVersion|["']?Type["']?\s*:\s*["']?AWS::[A-Za-z0-9]+::/;
function looksLikeCloudFormation(text) {
  return CLOUDFORMATION_CONTENT.test(text);
}
function asObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}
function parseCloudFormation(path, text) {
  let document;
  try {
    document = parseYamlDocuments(text, CLOUDFORMATION_SCHEMA)[0];
  } catch (error) {
    if (error instanceof YamlSyntaxError) return { ok: false, path, format: "cloudformation", line: error.line, message: error.message };
    throw error;
  }
  const template = asObject(document?.value);
  const positions = document?.positions ?? { startLine: 1, endLine: 1 };
  const parameters = asObject(template.Parameters);
  const resources = [];
  for (const [id, declaration] of Object.entries(asObject(template.Resources))) {
    const resource = asObject(declaration);
    if (typeof resource.Type !== "string") continue;
    const prefix = ["Resources", id, "Properties"];
    resources.push({
      address: id,
      type: resource.Type,
      format: "cloudformation",
      path,
      range: locate(positions, ["Resources", id]),
      values: asObject(resolveIntrinsics(resource.Properties ?? {}, parameters)),
      locate: (attribute) => attribute.length ? locate(positions, [...prefix, ...attribute]) : locate(positions, ["Resources", id])
    });
  }
  return { ok: true, path, format: "cloudformation", resources };
}
function resolveIntrinsics(value, parameters) {
  if (Array.isArray(value)) return value.map((item) => resolveIntrinsics(item, parameters));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  const [key, argument] = entries[0] ?? [];
  if (entries.length === 1 && key !== void 0 && (key === "Ref" || key === "Condition" || key.startsWith("Fn::"))) {
    const parameter = key === "Ref" && typeof argument === "string" ? asObject(parameters[argument]) : {};
    return "Default" in parameter ? parameter.Default : unresolved(`${key === "Ref" || key === "Condition" ? key : `!${key.slice(4)}`} ${JSON.stringify(argument)}`);
  }
  return Object.fromEntries(entries.map(([name, item]) => [name, resolveIntrinsics(item, parameters)]));
}

// checks/infra/cloudformation/format.ts
var cloudFormationParser = {
  format: "cloudformation",
  matchesPath: (path) => /\.(ya?ml|json|template)$/i.test(path),
  matchesContent: (_path, text) => looksLikeCloudFormation(text),
  parse: parseCloudFormation
};

// checks/infra/kubernetes/parse-kubernetes.ts
var API_VERSION = /(^|[{,]\s*)"?apiVersion"?\s*:\s*["']?[A-Za-z0-9.-]*\/?v\d/m;
var KIND = /(^|[{,]\s*)"?kind"?\s*:\s*["']?[A-Z][A-Za-z]+/m;
function isHelmTemplate(path, text) {
  return /(^|\/)templates\//.test(path) && text.includes("{{");
}
function looksLikeKubernetes(path, text) {
  return API_VERSION.test(text) && KIND.test(text) && !isHelmTemplate(path, text);
}
function asObject2(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
}
function isObject2(value) {
  const object = asObject2(value);
  return typeof object?.apiVersion === "string" && typeof object.kind === "string";
}
function kubernetesAddress(object, fallbackName) {
  const metadata = asObject2(object.metadata) ?? {};
  const namespace = typeof metadata.namespace === "string" && metadata.namespace ? metadata.namespace : "default";
  const name = typeof metadata.name === "string" && metadata.name ? metadata.name : typeof metadata.generateName === "string" && metadata.generateName ? `${metadata.generateName}*` : fallbackName;
  return `${object.kind}/${namespace}/${name}`;
}
function parseKubernetes(path, text) {
  let documents;
  try {
    documents = parseYamlDocuments(text);
  } catch (error) {
    if (error instanceof YamlSyntaxError) return { ok: false, path, format: "kubernetes", line: error.line, message: error.message };
    throw error;
  }
  const resources = [];
  const seen = /* @__PURE__ */ new Map();
  const add = (object, positions, fallbackName) => {
    const resource = objectResource(path, object, positions, fallbackName);
    const count = (seen.get(resource.address) ?? 0) + 1;
    seen.set(resource.address, count);
    if (count > 1) resource.address = `${resource.address}#${count}`;
    resources.push(resource);
  };
  documents.forEach((document, index) => {
    if (!isObject2(document.value)) return;
    const items = document.value.items;
    if (document.value.kind.endsWith("List") && Array.isArray(items)) {
      items.forEach((item, itemIndex) => {
        const node = document.positions.entries?.get("items")?.value.items?.[itemIndex];
        if (isObject2(item) && node) add(item, node, `document-${index + 1}-item-${itemIndex + 1}`);
      });
      return;
    }
    add(document.value, document.positions, `document-${index + 1}`);
  });
  return { ok: true, path, format: "kubernetes", resources };
}
function objectResource(path, object, positions, fallbackName) {
  const range = { startLine: positions.startLine, endLine: positions.endLine };
  return {
    address: kubernetesAddress(object, fallbackName),
    type: object.kind,
    format: "kubernetes",
    path,
    range,
    values: object,
    locate: (attribute) => attribute.length ? locate(positions, attribute) : range
  };
}

// checks/infra/kubernetes/format.ts
var kubernetesParser = {
  format: "kubernetes",
  matchesPath: (path) => /\.(ya?ml|json)$/i.test(path),
  matchesContent: looksLikeKubernetes,
  parse: parseKubernetes
};

// checks/infra/nginx/parse-nginx-syntax.ts
var NginxSyntaxError = class extends Error {
  constructor(message, line) {
    super(message);
    this.line = line;
    this.name = "NginxSyntaxError";
  }
  line;
};
var SPECIAL = /* @__PURE__ */ new Set(["{", "}", ";"]);
function isSpace(c) {
  return c === " " || c === "	" || c === "\n" || c === "\r";
}
function unescape(raw) {
  return raw.replace(/\\(["'\\trn])/g, (_match, next) => ({ t: "	", r: "\r", n: "\n" })[next] ?? next);
}
function tokenizeNginx(text) {
  const tokens = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "\n") line++;
    if (isSpace(c)) {
      i++;
    } else if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (SPECIAL.has(c)) {
      tokens.push({ kind: c, line });
      i++;
    } else if (c === '"' || c === "'") {
      const start = line;
      let raw = "";
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === "\\" && i + 1 < text.length) raw += text[i++];
        if (text[i] === "\n") line++;
        raw += text[i++];
      }
      if (i >= text.length) throw new NginxSyntaxError(`unterminated ${c === '"' ? "double" : "single"}-quoted string`, start);
      i++;
      tokens.push({ kind: "word", text: unescape(raw), line: start });
    } else {
      const start = i;
      while (i < text.length && !isSpace(text[i]) && !SPECIAL.has(text[i])) {
        if (text[i] === "$" && text[i + 1] === "{") {
          const close = text.indexOf("}", i);
          if (close < 0) throw new NginxSyntaxError('unterminated "${" variable', line);
          i = close + 1;
        } else {
          i += text[i] === "\\" && i + 1 < text.length ? 2 : 1;
        }
      }
      const word = text.slice(start, i);
      tokens.push({ kind: "word", text: word.includes("\\") ? unescape(word) : word, line });
    }
  }
  return tokens;
}
var MAX_NGINX_DEPTH = 64;
function parseNginxConfig(text) {
  const tokens = tokenizeNginx(text);
  let position = 0;
  let depth = 0;
  const parseBlock = (opener) => {
    if (opener && ++depth > MAX_NGINX_DEPTH) throw new NginxSyntaxError(`blocks nested deeper than ${MAX_NGINX_DEPTH} levels`, opener.line);
    const directives = [];
    for (; ; ) {
      const token = tokens[position];
      if (!token) {
        if (opener) throw new NginxSyntaxError(`unexpected end of file: "${opener.name}" block opened here is never closed with "}"`, opener.line);
        return directives;
      }
      if (token.kind === "}") {
        if (!opener) throw new NginxSyntaxError('unexpected "}" with no open block', token.line);
        opener.endLine = token.line;
        position++;
        depth--;
        return directives;
      }
      if (token.kind !== "word") throw new NginxSyntaxError(`unexpected "${token.kind}": expected a directive name`, token.line);
      directives.push(parseDirective(token));
    }
  };
  const parseDirective = (nameToken) => {
    const directive = { name: nameToken.text, args: [], line: nameToken.line, endLine: nameToken.line };
    position++;
    for (; ; ) {
      const token = tokens[position];
      if (!token) throw new NginxSyntaxError(`unexpected end of file: directive "${directive.name}" is not terminated by ";"`, directive.line);
      if (token.kind === "word") {
        directive.args.push(token.text);
        position++;
      } else if (token.kind === ";") {
        directive.endLine = token.line;
        position++;
        return directive;
      } else if (token.kind === "{") {
        position++;
        directive.block = parseBlock(directive);
        return directive;
      } else {
        throw new NginxSyntaxError(`unexpected "}": directive "${directive.name}" (line ${directive.line}) is not terminated by ";"`, token.line);
      }
    }
  };
  return parseBlock(void 0);
}

// checks/infra/nginx/parse-nginx.ts
function serverAddress(values) {
  return `server:${values.listen[0]?.address ?? "80"}:${values.server_name[0] ?? "_"}`;
}
var CONTENT = /^\s*(http|server)\s*\{/m;
function looksLikeNginx(text) {
  return CONTENT.test(text);
}
function parseNginx(path, text) {
  let directives;
  try {
    directives = parseNginxConfig(text);
  } catch (error) {
    if (error instanceof NginxSyntaxError) return { ok: false, path, format: "nginx", line: error.line, message: error.message };
    throw error;
  }
  const isServer = (directive) => directive.name === "server" && directive.block !== void 0;
  const contexts = [
    { inherited: [], servers: directives.filter(isServer) },
    ...directives.filter((directive) => directive.name === "http" && directive.block).map((http) => ({ inherited: (http.block ?? []).filter((directive) => !directive.block), servers: (http.block ?? []).filter(isServer) }))
  ];
  const resources = [];
  const seen = /* @__PURE__ */ new Map();
  for (const { inherited, servers } of contexts) {
    for (const server of servers) {
      const resource = serverResource(path, server, inherited);
      const count = (seen.get(resource.address) ?? 0) + 1;
      seen.set(resource.address, count);
      if (count > 1) resource.address = `${resource.address}#${count}`;
      resources.push(resource);
    }
  }
  return { ok: true, path, format: "nginx", resources };
}
function rangeOf(directive) {
  return { startLine: directive.line, endLine: directive.endLine };
}
function serverResource(path, server, inherited) {
  const own = server.block ?? [];
  const levels = [own, inherited];
  const ranges = /* @__PURE__ */ new Map();
  const settle = (key, fact) => {
    if (fact === void 0 || isUnresolvedFound(fact)) return fact;
    ranges.set(key, fact.range);
    return fact.value;
  };
  const listens = own.filter((directive) => directive.name === "listen");
  listens.forEach((directive, index) => ranges.set(`listen.${index}`, rangeOf(directive)));
  const listen = listens.map(readListen);
  const sslOn = resolveInherited(levels, (directives) => last(directives, "ssl"));
  const redirect = findHttpsRedirect(own);
  const values = {
    listen,
    server_name: own.filter((directive) => directive.name === "server_name").flatMap((directive) => directive.args),
    ssl: listen.some((entry) => entry.ssl) || !isUnresolvedFound(sslOn) && sslOn?.value.args[0] === "on",
    include: levels.flat().filter((directive) => directive.name === "include").flatMap((directive) => directive.args)
  };
  const facts = {
    ssl_protocols: settle("ssl_protocols", resolveInherited(levels, (directives) => mapFound(last(directives, "ssl_protocols"), (directive) => directive.args))),
    ssl_ciphers: settle("ssl_ciphers", resolveInherited(levels, (directives) => mapFound(last(directives, "ssl_ciphers"), (directive) => directive.args.join(" ")))),
    strict_transport_security: settle("strict_transport_security", resolveInherited(levels, readHsts)),
    access_log: settle("access_log", resolveInherited(levels, readAccessLog)),
    https_redirect: settle("https_redirect", redirect && { value: [redirect.name, ...redirect.args].join(" "), range: rangeOf(redirect) })
  };
  const dropping = locationsDroppingHsts(own);
  dropping.forEach((location, index) => ranges.set(`hsts_dropped_by.${index}`, rangeOf(location)));
  if (dropping.length) values.hsts_dropped_by = dropping.map((location) => ["location", ...location.args].join(" "));
  for (const [key, value] of Object.entries(facts)) if (value !== void 0) Object.assign(values, { [key]: value });
  const range = rangeOf(server);
  return {
    address: serverAddress(values),
    type: "nginx:server",
    format: "nginx",
    path,
    range,
    values,
    locate: (attribute) => ranges.get(attribute.slice(0, 2).join(".")) ?? ranges.get(String(attribute[0])) ?? range
  };
}
function readListen(directive) {
  const address = directive.args[0] ?? "80";
  const port = /(?:^|:)(\d+)$/.exec(address)?.[1];
  return {
    address,
    // `listen 127.0.0.1;` and `listen unix:...` carry no port: nginx's is 80 for an address alone.
    port: port ? Number(port) : address.startsWith("unix:") ? void 0 : 80,
    ssl: directive.args.slice(1).some((arg) => arg === "ssl" || arg === "quic")
  };
}
function last(directives, name) {
  const directive = directives.findLast((candidate) => candidate.name === name);
  return directive ? { value: directive, range: rangeOf(directive) } : void 0;
}
function mapFound(found, map) {
  return found ? { value: map(found.value), range: found.range } : void 0;
}
function isUnresolvedFound(fact) {
  return fact !== void 0 && !("range" in fact);
}
function resolveInherited(levels, pick) {
  for (const directives of levels) {
    const answer = pick(directives);
    if (answer !== void 0 && answer !== "stop") return answer;
    const include = directives.find((directive) => directive.name === "include");
    if (include) return unresolved(`include ${include.args.join(" ")} (line ${include.line}, not followed)`);
    if (answer === "stop") return void 0;
  }
  return void 0;
}
function readHsts(directives) {
  const headers = directives.filter((directive) => directive.name === "add_header");
  if (!headers.length) return void 0;
  const hsts = headers.findLast((directive) => directive.args[0]?.toLowerCase() === "strict-transport-security");
  if (!hsts) return "stop";
  const header = hsts.args[1] ?? "";
  const maxAge = /max-age\s*=\s*"?(\d+)/i.exec(header)?.[1];
  return {
    value: { header, maxAge: maxAge === void 0 ? void 0 : Number(maxAge), always: hsts.args.includes("always") },
    range: rangeOf(hsts)
  };
}
function locationsDroppingHsts(directives) {
  return directives.flatMap((directive) => {
    if (directive.name !== "location" || !directive.block) return [];
    const block = directive.block;
    const drops = block.some((inner) => inner.name === "add_header") && readHsts(block) === "stop" && !block.some((inner) => inner.name === "include");
    return [...drops ? [directive] : [], ...locationsDroppingHsts(block)];
  });
}
function readAccessLog(directives) {
  const logs = directives.filter((directive) => directive.name === "access_log");
  const chosen = logs.find((directive) => directive.args[0] === "off") ?? logs[0];
  return chosen ? { value: chosen.args.join(" "), range: rangeOf(chosen) } : void 0;
}
var REDIRECT_STATUS = /* @__PURE__ */ new Set(["301", "302", "303", "307", "308"]);
function findHttpsRedirect(directives) {
  for (const directive of directives) {
    if (isHttpsRedirect(directive)) return directive;
    const catchAll = directive.name === "location" && ["/", "= /"].includes(directive.args.join(" "));
    if ((directive.name === "if" || catchAll) && directive.block) {
      const inner = directive.block.find(isHttpsRedirect);
      if (inner) return inner;
    }
  }
  return void 0;
}
function isHttpsRedirect(directive) {
  const [first, second] = directive.args;
  if (directive.name === "return") {
    const url = first !== void 0 && REDIRECT_STATUS.has(first) ? second : first;
    return url?.toLowerCase().startsWith("https://") ?? false;
  }
  return directive.name === "rewrite" && (second?.toLowerCase().startsWith("https://") ?? false);
}

// checks/infra/nginx/format.ts
var NGINX_PATH = /(\.conf(\.template)?$)|(^|\/)nginx[^/]*\/|(^|\/)nginx\.conf/i;
var nginxParser = {
  format: "nginx",
  matchesPath: (path) => NGINX_PATH.test(path),
  // A YAML or JSON file that embeds an nginx config (a ConfigMap, a Helm template) is not one.
  matchesContent: (path, text) => !/\.(ya?ml|json)$/i.test(path) && looksLikeNginx(text),
  parse: parseNginx
};

// checks/infra/terraform/format.ts
import { posix as posix3 } from "node:path";
var TERRAFORM_CONTENT = /^\s*(resource|data|variable|locals|module|provider|terraform|moved)\s*("|\{)/m;
var terraformParser = {
  format: "terraform",
  matchesPath: (path) => path.endsWith(".tf") || path.endsWith(".tf.json"),
  matchesContent: (path, text) => path.endsWith(".tf") || path.endsWith(".tf.json") || TERRAFORM_CONTENT.test(text),
  parse: async (path, text) => (await parseTerraformModule([{ path, text }]))[0],
  groupOf: (path) => `terraform:${posix3.dirname(path)}`,
  parseGroup: parseTerraformModule
};

// checks/infra/formats.ts
var INFRA_PARSERS = [
  terraformParser,
  cloudFormationParser,
  kubernetesParser,
  nginxParser
];
function infraPathFilter(selection) {
  const included = selection.include.length ? (0, import_picomatch3.default)([...selection.include], { dot: true }) : () => false;
  const excluded = selection.exclude.length ? (0, import_picomatch3.default)([...selection.exclude], { dot: true }) : () => false;
  return (path) => !excluded(path) && (included(path) || INFRA_PARSERS.some((parser) => parser.matchesPath(path)));
}
function detectFormat(path, text) {
  return INFRA_PARSERS.find((parser) => parser.matchesPath(path) && parser.matchesContent(path, text)) ?? INFRA_PARSERS.find((parser) => parser.matchesContent(path, text));
}

// checks/infra/analyze.ts
var MAX_INFRA_FILE_BYTES = 1024 * 1024;
async function analyzeInfra(input) {
  const maxBytes = input.maxBytes ?? MAX_INFRA_FILE_BYTES;
  const analysis = { findings: [], suppressed: [], unknown: [], strengthened: [], notes: [] };
  const head = await parseVersion(input.head, maxBytes);
  const base = await parseVersion(input.base, maxBytes);
  for (const failure of head.failures) analysis.findings.push(parseErrorFinding(failure));
  for (const failure of base.failures) {
    analysis.notes.push(`infra: ${failure.path} did not parse at base (line ${failure.line}: ${failure.message}); its resources at head are compared against nothing`);
  }
  const baseToHead = new Map([...input.renames ?? []].map(([headPath, basePath]) => [basePath, headPath]));
  const unreadAtHead = new Set(head.failures.map((failure) => failure.path));
  const diff = diffResources({
    base: base.resources.filter((resource) => !unreadAtHead.has(baseToHead.get(resource.path) ?? resource.path)),
    head: head.resources,
    rules: input.rules ?? INFRA_RULES,
    scopeOf: (resource, side) => scopeOf(resource, side === "base" ? baseToHead.get(resource.path) ?? resource.path : resource.path)
  });
  analysis.unknown.push(...diff.unknown);
  analysis.strengthened.push(...diff.strengthened);
  const texts = new Map(input.head.map((file) => [file.path, file.text]));
  const byPath = /* @__PURE__ */ new Map();
  for (const finding of diff.findings) {
    const path = finding.location.kind === "file" ? finding.location.path : "";
    byPath.set(path, [...byPath.get(path) ?? [], finding]);
  }
  for (const [path, findings] of byPath) {
    const text = texts.get(path);
    if (text === void 0) {
      analysis.findings.push(...findings);
      continue;
    }
    const blocks = head.resources.filter((resource) => resource.path === path).map((resource) => resource.range);
    const result = applySuppressions(path, text, findings, blocks, input.now);
    analysis.findings.push(...result.findings);
    analysis.suppressed.push(...result.suppressed);
  }
  return analysis;
}
async function parseVersion(files, maxBytes) {
  const version = { resources: [], failures: [] };
  const groups = /* @__PURE__ */ new Map();
  for (const file of files) {
    const parser = detectFormat(file.path, file.text);
    if (!parser) continue;
    const size = Buffer.byteLength(file.text);
    if (size > maxBytes) {
      version.failures.push({ ok: false, path: file.path, format: parser.format, line: 1, message: `file is ${size} bytes, over the ${maxBytes}-byte limit; it was not checked` });
      continue;
    }
    const key = parser.groupOf?.(file.path) ?? `${parser.format}:${file.path}`;
    const group = groups.get(key) ?? { parser, files: [] };
    group.files.push(file);
    groups.set(key, group);
  }
  const parsed = await Promise.all(
    [...groups.values()].map(
      ({ parser, files: members }) => parser.parseGroup ? parser.parseGroup(members) : Promise.all(members.map(async (file) => parser.parse(file.path, file.text)))
    )
  );
  for (const result of parsed.flat()) {
    if (result.ok) version.resources.push(...result.resources);
    else version.failures.push(result);
  }
  return version;
}
function scopeOf(resource, path) {
  if (resource.scope !== void 0) return resource.scope;
  const parser = INFRA_PARSERS.find((candidate) => candidate.format === resource.format);
  return parser?.groupOf?.(path) ?? `${resource.format}:${path}`;
}
function parseErrorFinding(failure) {
  return makeFinding(PARSE_ERROR_RULE, {
    message: `${failure.path} (${failure.format}) could not be checked: ${failure.message}`,
    location: { kind: "file", path: failure.path, startLine: failure.line, endLine: failure.line },
    subject: failure.path,
    evidence: { format: failure.format, error: failure.message }
  });
}

// checks/scan.ts
var import_picomatch4 = __toESM(require_picomatch(), 1);
var READ_CONCURRENCY2 = 32;
async function scanChanges(changeSet, config, options) {
  const infra = await guarded("infra", options.now, () => scanInfra(changeSet, config, options));
  const environments = await guarded(
    "environments",
    options.now,
    () => checkEnvironments({ changeSet, config, now: options.now, ...options.configPath ? { configPath: options.configPath } : {} })
  );
  return withoutRepeatedSuppressionProblems(mergeReports(infra, environments));
}
function withoutRepeatedSuppressionProblems(report) {
  const seen = /* @__PURE__ */ new Set();
  const findings = report.findings.filter((finding) => {
    if (finding.ruleId !== SUPPRESSION_INVALID_RULE.id) return true;
    if (seen.has(finding.fingerprint)) return false;
    seen.add(finding.fingerprint);
    return true;
  });
  return { ...report, findings };
}
async function guarded(family, now, run) {
  try {
    return await run();
  } catch (error) {
    const report = emptyReport(TOOL, now.toISOString());
    report.errors.push({ category: "engine", target: family, message: error instanceof Error ? error.message : String(error) });
    return report;
  }
}
async function scanInfra(changeSet, config, options) {
  const report = emptyReport(TOOL, options.now.toISOString());
  const isInfra = infraPathFilter(config.infra);
  const changed = changeSet.changed.filter((file) => isInfra(file.path) || file.previousPath !== void 0 && isInfra(file.previousPath));
  const changedPaths = new Set(changed.flatMap((file) => [file.path, ...file.previousPath ? [file.previousPath] : []]));
  const headPaths = new Set(changed.filter((file) => file.status !== "removed" && isInfra(file.path)).map((file) => file.path));
  const basePaths = new Set(changed.filter((file) => file.status !== "added").map((file) => file.previousPath ?? file.path));
  const groups = new Set([...headPaths, ...basePaths].map(groupOf).filter((group) => group !== void 0));
  if (groups.size || options.all) {
    const headList = (await changeSet.head.list()).filter(isInfra);
    for (const path of headList) if (options.all || groups.has(groupOf(path) ?? "")) headPaths.add(path);
    if (groups.size) {
      for (const path of (await changeSet.base.list()).filter(isInfra)) if (groups.has(groupOf(path) ?? "")) basePaths.add(path);
    }
  }
  const head = await readAll(changeSet.head, [...headPaths], report, "head");
  const headText = new Map(head.map((file) => [file.path, file.text]));
  const unchanged = [...headPaths].filter((path) => !changedPaths.has(path) && headText.has(path)).map((path) => ({ path, text: headText.get(path) }));
  const base = [...unchanged, ...await readAll(changeSet.base, [...basePaths].filter((path) => changedPaths.has(path)), report, "base")];
  const included = config.infra.include.length ? (0, import_picomatch4.default)([...config.infra.include], { dot: true }) : void 0;
  for (const file of head) {
    if (included?.(file.path) && !detectFormat(file.path, file.text)) {
      report.notes.push(`infra: ${file.path} matches infra.include but is none of the formats hipaa-guard reads (Terraform, CloudFormation, Kubernetes, nginx); not checked`);
    }
  }
  const renames = new Map(changed.filter((file) => file.previousPath !== void 0).map((file) => [file.path, file.previousPath]));
  const analysis = await analyzeInfra({ base, head, renames, now: options.now });
  report.findings.push(...analysis.findings);
  report.suppressed.push(...analysis.suppressed);
  report.unknown.push(...analysis.unknown);
  report.strengthened.push(...analysis.strengthened);
  report.notes.push(...analysis.notes);
  report.targets.push({
    kind: "repository",
    root: options.root ?? ".",
    ...changeSet.baseRef ? { base: changeSet.baseRef } : {},
    ...changeSet.headRef ? { head: changeSet.headRef } : {},
    files: head.length
  });
  return report;
}
function groupOf(path) {
  return INFRA_PARSERS.find((parser) => parser.groupOf && parser.matchesPath(path))?.groupOf?.(path);
}
async function readAll(source, paths, report, side) {
  const files = [];
  const failed = (path, error) => report.errors.push({ category: "engine", target: path, message: `could not read ${path} at ${side}: ${error instanceof Error ? error.message : String(error)}` });
  if (source.readMany && paths.length) {
    try {
      const texts = await source.readMany(paths);
      paths.forEach((path, index) => {
        const text = texts[index];
        if (text !== void 0) files.push({ path, text });
      });
    } catch (error) {
      for (const path of paths) failed(path, error);
    }
    return files.sort((a, b) => a.path.localeCompare(b.path));
  }
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      try {
        const text = await source.read(path);
        if (text !== void 0) files.push({ path, text });
      } catch (error) {
        failed(path, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY2, paths.length) }, worker));
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

export {
  scanChanges,
  scanInfra
};
