/**
 * 45 CFR 164.316(b)(2)(i): documentation, audit records included, is kept six years. In days that is 2192 (six
 * years of 365 days plus the two leap days they can span), which is also a retention CloudWatch Logs accepts. The
 * stack configuration, the audit components and the pack's retention policies all read it from here.
 */
export const sixYearsInDays = 2192;
