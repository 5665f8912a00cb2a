import { describe, expect, it } from 'vitest';
import { renderText } from '../../checks/report/text.js';
import { cleanReport, endpointFinding, fullReport } from '../support/report-builder.js';

describe('renderText', () => {
  it('groups findings by location, worst first, and lists every other outcome with a summary line', () => {
    // Given a report with every kind of outcome
    const report = fullReport();

    // When it is rendered without colour
    const text = renderText(report);

    // Then each section reads as the user sees it in a terminal
    expect(text).toMatchInlineSnapshot(`
      "hipaa-guard 0.1.0 · profile hipaa 2026.1 · 2 targets · 2026-03-01T09:00:00.000Z

      infra/prod/s3.tf:12-18
        CRITICAL TEST-S3-ENCRYPTION-REMOVED [removed]  S3 bucket encryption removed
            aws_s3_bucket.phi lost its server-side encryption (was aws:kms, now none).
            45 CFR 164.312(a)(2)(iv) · fix: Restore \`aws_s3_bucket_server_side_encryption_configuration\` for the bucket.

      https://api.example.org (203.0.113.7)
        HIGH     TEST-TLS-LEGACY  Legacy TLS/SSL protocol accepted
            The server accepts TLSv1 and TLSv1.1; the profile allows TLSv1.2, TLSv1.3.
            45 CFR 164.312(e)(2)(ii) · fix: Accept only TLS 1.2 and 1.3: nginx \`ssl_protocols TLSv1.2 TLSv1.3;\`.
        MEDIUM   TEST-HSTS-MISSING  No Strict-Transport-Security header
            No Strict-Transport-Security header on the HTTPS response.
            45 CFR 164.312(e)(1) · fix: Send \`Strict-Transport-Security: max-age=31536000; includeSubDomains\`.

      infra/prod/trail.tf:4
        LOW      TEST-CLOUDTRAIL-LOG-VALIDATION [existing]  CloudTrail log file validation off
            aws_cloudtrail.main: enable_log_file_validation is false (expected true).
            45 CFR 164.312(b) · fix: Set \`enable_log_file_validation = true\`.

      Suppressed (1)
        - [suppressed] TEST-HSTS-MISSING at https://legacy.example.org (203.0.113.9): No Strict-Transport-Security header on the HTTPS response.
            reason: legacy partner integration, ticket SEC-42 until 2026-06-30

      Unknown (could not decide) (1)
        - TEST-S3-ENCRYPTION-REMOVED at infra/prod/s3.tf:30-34: sse_algorithm is var.algo, which has no default.

      Errors (not evaluated) (1)
        - [timeout] https://slow.example.org: no TLS handshake within 5000 ms

      Strengthened (1)
        - TEST-CLOUDTRAIL-LOG-VALIDATION at infra/prod/trail.tf:20: aws_cloudtrail.audit: multi-region turned on.

      Notes (1)
        - Environments inferred from the directory layout: prod, staging.

      4 findings (1 critical, 1 high, 1 medium, 1 low) · 1 suppressed · 1 unknown · 1 error · 1 strengthened
      "
    `);
  });

  it('says plainly that a clean run found nothing', () => {
    // Given one endpoint probed and nothing found
    const text = renderText(cleanReport());

    // Then the header names the target and the summary says 0 findings
    expect(text).toBe('hipaa-guard 0.1.0 · profile hipaa 2026.1 · https://api.example.org (203.0.113.7, native) · 2026-03-01T09:00:00.000Z\n\n0 findings\n');
  });

  it('uses ANSI colours only when asked', () => {
    // Given a report with a high finding
    const report = cleanReport({ findings: [endpointFinding()] });

    // When rendered with and without colour
    const coloured = renderText(report, { color: true });
    const plain = renderText(report, { color: false });

    // Then only the coloured one carries escape sequences, and it colours the severity
    expect(coloured).toContain('\u001b[1;31mHIGH    \u001b[0m');
    expect(plain).not.toContain('\u001b');
  });

  it('never passes escape sequences or line breaks from a hostile server to the terminal', () => {
    // Given a finding whose message carries what a server sent: an escape sequence and a newline
    const hostile = endpointFinding(undefined, { message: 'Location: \u001b[2J\u001b]0;pwned\u0007http://evil\nFAKE LINE' });

    // When rendered with colour
    const text = renderText(cleanReport({ findings: [hostile] }), { color: true });

    // Then the sequences are neutralised and the message stays on one line
    expect(text).not.toContain('\u001b[2J');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('\uFFFD[2J\uFFFD]0;pwned\uFFFDhttp://evil FAKE LINE');
  });

  it("prints a rule's remediation at its first finding only", () => {
    // Given the same rule failing at two endpoints
    const other = endpointFinding(undefined, { location: { kind: 'endpoint', url: 'https://b.example.org' }, subject: 'https://b.example.org' });
    const text = renderText(cleanReport({ findings: [endpointFinding(), other] }));

    // Then the fix is spelled out once and referenced after
    expect(text.match(/fix: Accept only TLS 1\.2 and 1\.3/g)).toHaveLength(1);
    expect(text).toContain('45 CFR 164.312(e)(2)(ii) · fix: see above');
  });

  it('puts the rules that could not decide at one place for one reason on one line', () => {
    const location = { kind: 'endpoint', url: 'https://a.example.org' } as const;
    const reason = 'the certificate was not measured: no handshake completed';
    const report = cleanReport({
      unknown: [
        { ruleId: 'CERT-EXPIRED', location, message: reason },
        { ruleId: 'CERT-WEAK-KEY', location, message: reason },
        { ruleId: 'TEST-HSTS-MISSING', location, message: 'no HTTPS response' },
      ],
    });

    expect(renderText(report)).toContain(
      [
        'Unknown (could not decide) (2)',
        `  - CERT-EXPIRED, CERT-WEAK-KEY at https://a.example.org: ${reason}`,
        '  - TEST-HSTS-MISSING at https://a.example.org: no HTTPS response',
      ].join('\n'),
    );
  });
});
