package dev.chatwire.kotlin

import dev.chatwire.model.ChatCompletionChunk
import org.assertj.core.api.Assertions.assertThat
import org.jetbrains.kotlin.cli.common.ExitCode
import org.jetbrains.kotlin.cli.jvm.K2JVMCompiler
import org.jspecify.annotations.NullMarked
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import java.io.ByteArrayOutputStream
import java.io.File
import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

/**
 * Runs the Kotlin compiler the build uses on a snippet that returns a JSpecify `@Nullable` getter
 * where a non-null `String` is expected. With the nullness flag the build compiles Kotlin with (and
 * the README gives users) that is a compile error; without it Kotlin 2.0 compiles the snippet and
 * only warns, which is why users need the flag.
 */
class StrictNullnessCompilerTest {
    @TempDir
    lateinit var dir: Path

    private val buildFlag: String = System.getProperty("chatwire.kotlin.jspecify.arg")

    private fun compile(vararg flags: String): Pair<ExitCode, String> {
        val source = dir.resolve("Snippet.kt")
        Files.writeString(
            source,
            """
            import dev.chatwire.model.ChatCompletionChunk

            fun idOf(chunk: ChatCompletionChunk): String = chunk.id
            """.trimIndent(),
        )
        val classpath =
            listOf(ChatCompletionChunk::class.java, NullMarked::class.java, Unit::class.java)
                .joinToString(File.pathSeparator) { Paths.get(it.protectionDomain.codeSource.location.toURI()).toString() }
        val messages = ByteArrayOutputStream()
        val code =
            K2JVMCompiler().exec(
                PrintStream(messages, true, Charsets.UTF_8),
                "-no-stdlib",
                "-no-reflect",
                "-classpath",
                classpath,
                "-d",
                dir.resolve("out").toString(),
                *flags,
                source.toString(),
            )
        return code to messages.toString(Charsets.UTF_8)
    }

    @Test
    fun theBuildsFlagMakesANullableGetterACompileErrorWhereNonNullIsExpected() {
        assertThat(buildFlag).isEqualTo("-Xjspecify-annotations=strict")

        val (code, messages) = compile(buildFlag)

        assertThat(code).describedAs(messages).isEqualTo(ExitCode.COMPILATION_ERROR)
        assertThat(messages).contains("error:").contains("String?")
    }

    @Test
    fun withoutTheFlagKotlin20OnlyWarns() {
        val (code, messages) = compile()

        assertThat(code).describedAs(messages).isEqualTo(ExitCode.OK)
        assertThat(messages).contains("warning:").doesNotContain("error:")
    }
}
