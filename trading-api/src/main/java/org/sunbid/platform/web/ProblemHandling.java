package org.sunbid.platform.web;

import java.net.URI;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.sunbid.platform.ProblemException;
import org.sunbid.platform.RuleViolation;

/** Every error leaves as RFC 9457 problem+json: a stable type, a localised detail, the field at fault; no stack traces. */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    /** The nodes of a property path that the request itself names (not method, parameter or return value). */
    private static final Set<ElementKind> REQUEST_NODES = EnumSet.of(ElementKind.BEAN, ElementKind.PROPERTY,
            ElementKind.CONTAINER_ELEMENT);

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final Problems problems;
    private final HandlerGuards guards;

    ProblemHandling(Problems problems, HandlerGuards guards) {
        this.problems = problems;
        this.guards = guards;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        Object[] args = e.args();
        if ("not-found".equals(e.type()) && args.length > 0 && args[0] instanceof String what) {
            // "opening", "tender documents": internal names become the localised name of the thing
            args[0] = problems.message("problem.entity." + what.replace(' ', '-'), new Object[0], locale(),
                    problems.message("problem.entity.unknown", new Object[0], locale(), what));
        }
        ProblemDetail body = problems.build(e.status(), e.type(), e.field(), e.messageKey(), args, locale());
        e.extra().forEach(body::setProperty);
        return respond(body);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(RuleViolation e) {
        return problem(ProblemException.rule(e.rule(), e.field(), "problem.rule", e.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        var violation = e.getConstraintViolations().stream()
                .min(Comparator.comparing(v -> propertyPath(v.getPropertyPath()))).orElseThrow();
        String field = propertyPath(violation.getPropertyPath());
        ProblemDetail body = problems.build(HttpStatus.BAD_REQUEST, "validation", field, "problem.validation.field",
                new Object[] { field, violation.getMessage() }, locale());
        return respond(body);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(problems.build(HttpStatus.BAD_REQUEST, "validation", e.getName(), "problem.validation.type",
                new Object[] { e.getName() }, locale()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return respond(problems.build(HttpStatus.UNAUTHORIZED, "unauthorized", null, "problem.unauthorized",
                    new Object[0], locale()));
        }
        return respond(problems.build(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden", new Object[0],
                locale()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String incident = UUID.randomUUID().toString();
        log.error("Unhandled error, incident {}", incident, e);
        ProblemDetail body = problems.build(HttpStatus.INTERNAL_SERVER_ERROR, "internal", null, "problem.internal",
                new Object[] { incident }, locale());
        body.setProperty("incident", incident);
        return respond(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // sorted by field, so the problem's "field" does not depend on the validator's iteration order
        List<FieldError> fieldErrors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField)).toList();
        List<Map<String, String>> errors = fieldErrors.stream()
                .map(fe -> Map.of("field", fe.getField(), "reason", String.valueOf(fe.getDefaultMessage())))
                .toList();
        FieldError first = fieldErrors.isEmpty() ? null : fieldErrors.get(0);
        String field = first != null ? first.getField() : null;
        ProblemDetail body = problems.build(HttpStatus.BAD_REQUEST, "validation", field, "problem.validation.field",
                new Object[] { field, first != null ? first.getDefaultMessage() : "" }, locale());
        body.setProperty("errors", errors);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (request instanceof ServletWebRequest servlet && guards.everyHandlerRefuses(servlet.getRequest())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(accessDenied(new AccessDeniedException("role")).getBody());
        }
        return super.handleHttpMediaTypeNotSupported(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SafeTextModule.UnsafeTextException unsafe) {
                String field = JsonPaths.fieldOf(e);
                ProblemDetail body = problems.build(HttpStatus.BAD_REQUEST, "unsafe-text", field,
                        "problem.unsafe-text", new Object[] { field, unsafe.violation().codePointLabel() }, locale());
                body.setProperty("reason", unsafe.violation().reason());
                return new ResponseEntity<>(body, headersFor(headers), HttpStatus.BAD_REQUEST);
            }
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String type = typeOf(e, status);
        String field = fieldOf(e);
        Object[] args = field != null ? new Object[] { field } : new Object[0];
        ProblemDetail problem = problems.build(status, type, field, "problem." + type, args, locale());
        if (e instanceof HandlerMethodValidationException hmv && !hmv.getAllErrors().isEmpty()) {
            problem.setDetail(problems.message("problem.validation.field",
                    new Object[] { field, hmv.getAllErrors().get(0).getDefaultMessage() }, locale(), problem.getDetail()));
        }
        if (problem.getDetail() == null && body instanceof ErrorResponse er) {
            problem.setDetail(er.getBody().getDetail());
        }
        return new ResponseEntity<>(problem, headersFor(headers), status);
    }

    private static String typeOf(Exception e, HttpStatusCode status) {
        if (e instanceof HttpMessageNotReadableException) {
            return "malformed-body";
        }
        if (e instanceof MissingServletRequestParameterException || e instanceof MissingServletRequestPartException
                || e instanceof HandlerMethodValidationException) {
            return "validation";
        }
        if (e instanceof MaxUploadSizeExceededException) {
            return "too-large";
        }
        if (e instanceof NoResourceFoundException) {
            return "not-found";
        }
        return switch (status.value()) {
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> status.is4xxClientError() ? "bad-request" : "internal";
        };
    }

    static String fieldOf(Exception e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return uploadFieldOf(e);
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return m.getParameterName();
        }
        if (e instanceof MissingServletRequestPartException m) {
            return m.getRequestPartName();
        }
        if (e instanceof HandlerMethodValidationException h) {
            return h.getParameterValidationResults().isEmpty() ? null
                    : h.getParameterValidationResults().get(0).getMethodParameter().getParameterName();
        }
        if (e instanceof HttpMessageNotReadableException) {
            return JsonPaths.fieldOf(e);
        }
        return null;
    }

    /**
     * The multipart field whose file broke the container's size limit: the servlet container's own exception (Tomcat's
     * {@code FileSizeLimitExceededException}) carries it; read reflectively so the platform does not bind to one
     * container.
     */
    private static String uploadFieldOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            try {
                Object name = t.getClass().getMethod("getFieldName").invoke(t);
                if (name instanceof String s && !s.isBlank()) {
                    return s;
                }
            } catch (ReflectiveOperationException | RuntimeException ignored) {
                // not a container size exception; look further down the chain
            }
        }
        return null;
    }

    /**
     * A violation's property path as the request names it ({@code legalRepresentative.idNumber},
     * {@code contacts[0].phone}): the method and parameter nodes of method validation are left out.
     */
    static String propertyPath(Path path) {
        StringBuilder out = new StringBuilder();
        String last = "";
        for (Path.Node node : path) {
            last = node.getName() == null ? last : node.getName();
            if (!REQUEST_NODES.contains(node.getKind())) {
                continue;
            }
            if (node.isInIterable() && !out.isEmpty()) {
                out.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().isEmpty() && !node.getName().startsWith("<")) {
                out.append(out.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return out.isEmpty() ? last : out.toString();
    }

    private static HttpHeaders headersFor(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        if (headers != null) {
            copy.putAll(headers);
        }
        copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return copy;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail body) {
        return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    static URI type(String slug) {
        return URI.create(Problems.TYPE_BASE + slug);
    }
}
