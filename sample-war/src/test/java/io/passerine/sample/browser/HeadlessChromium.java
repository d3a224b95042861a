package io.passerine.sample.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver ({@code server-config/install-browser.sh} installs both).
 * Both paths are given explicitly, so Selenium Manager never runs (it would try to download a browser and a driver,
 * which fails on a closed network). The flags keep Chromium from calling home; the profile is a fresh temp dir,
 * deleted on {@link #close()}.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String BROWSER = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

    private final Path profile;
    private final Path screenshots;
    private final ChromeDriver driver;
    private final String prefix;
    private int shot;

    HeadlessChromium(String screenshotPrefix) throws IOException {
        if (!new File(DRIVER).canExecute() || !new File(BROWSER).canExecute()) {
            throw new IllegalStateException(DRIVER + " or " + BROWSER + " missing: run server-config/install-browser.sh"
                    + " (the build does it in pre-integration-test), or skip with -Dskip.browser");
        }
        System.setProperty("webdriver.chrome.driver", DRIVER);
        profile = Files.createTempDirectory("passerine-chromium-");
        screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(screenshots);
        this.prefix = screenshotPrefix;

        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1024,768", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    WebDriver driver() {
        return driver;
    }

    /** Forgets every cookie of every site (a new browser session without restarting Chromium). */
    void clearCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
    }

    /** Saves a PNG of the current page as {@code target/screenshots/<prefix>-<NN>-<name>.png}. */
    Path screenshot(String name) {
        try {
            File png = driver.getScreenshotAs(OutputType.FILE);
            Path target = screenshots.resolve(String.format("%s-%02d-%s.png", prefix, ++shot, name));
            Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(png.toPath());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: a temp dir
            }
        }
    }

}
