import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { TEXT_LIMITS, cleanText, requiredTextProblem } from '@linli/shared';

/**
 * A reason people are told (rejecting a binding or a claim, ending a binding): cleaned as every free
 * text is, and held to the shared limits for reasons, whose words are the message.
 */
export function ReasonText(): PropertyDecorator {
  const problem = (v: unknown) => (typeof v === 'string' ? requiredTextProblem(v, TEXT_LIMITS.reasonMin, TEXT_LIMITS.reasonMax, '原因') : '请填写原因');
  return applyDecorators(
    ApiProperty({ minLength: TEXT_LIMITS.reasonMin, maxLength: TEXT_LIMITS.reasonMax }),
    Transform(({ value }) => (typeof value === 'string' ? cleanText(value) : value)),
    ValidateBy({ name: 'reason', validator: { validate: (v) => problem(v) === null, defaultMessage: (args) => problem(args?.value)! } }),
  );
}
